/**
 * Microsoft Teams' light theme as the Adaptive Cards designer publishes it ("microsoft-teams-light" host config):
 * the colours, fonts and spacing Teams gives a card. The preview renders with it so a card looks, and is checked
 * for contrast, as in Teams.
 */
const foregroundColors = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

const fontSizes = { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 };

export const TEAMS_LIGHT_HOST_CONFIG = {
  choiceSetInputValueSeparator: ',',
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  fontTypes: {
    default: {
      fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif",
      fontSizes,
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
    monospace: { fontFamily: "'Courier New', Courier, monospace", fontSizes, fontWeights: { lighter: 200, default: 400, bolder: 600 } },
  },
  textStyles: { heading: { fontType: 'default', size: 'large', weight: 'bolder', color: 'default', isSubtle: false } },
  textBlock: { headingLevel: 2 },
  containerStyles: {
    default: { foregroundColors, borderColor: '#CCCCCC', backgroundColor: '#ffffff' },
    emphasis: { foregroundColors, borderColor: '#666666', backgroundColor: '#fff9f8f7' },
    accent: { foregroundColors, borderColor: '#62A8F7', backgroundColor: '#C7DEF9' },
    good: { foregroundColors, borderColor: '#69E569', backgroundColor: '#CCFFCC' },
    attention: { foregroundColors, borderColor: '#FF764C', backgroundColor: '#FFC5B2' },
    warning: { foregroundColors, borderColor: '#FFBC51', backgroundColor: '#FFE2B2' },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    preExpandSingleShowCardAction: false,
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: false },
  imageSet: { imageSize: 'medium', maxImageHeight: 100 },
  factSet: {
    title: { size: 'default', color: 'default', isSubtle: false, weight: 'bolder', wrap: true },
    value: { size: 'default', color: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 16,
  },
};
