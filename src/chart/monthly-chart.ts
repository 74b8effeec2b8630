import { PNG } from 'pngjs';
import { monthLabel } from '../../cards/statistics-csv';
import { t } from '../../cards/texts';
import type { ChartPort } from '../app/statistics-view';
import type { Locale } from '../domain/i18n';
import type { AnonymousFigures, Shown } from '../domain/statistics';

/** The font is shipped as an npm package, so the picture looks the same on App Service (which has no fonts) as here. */
const FONT_FILE = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const WIDTH = 600;
const HEIGHT = 220;
/** A count shown as "under 3" is drawn at this height, in grey, whatever it is: the bar must not tell 1 from 2. */
const UNDER_3_HEIGHT = 2;
const UNDER_3_COLOUR = '#a0a0a0';

function bar(n: Shown) {
  return n === 'under3' ? { value: UNDER_3_HEIGHT, itemStyle: { color: UNDER_3_COLOUR } } : n;
}

/** Flattened onto white and cut to 8 levels a channel, the picture is under half the size (about 5 KB) and looks the same. */
function small(png: Buffer): Uint8Array {
  const image = PNG.sync.read(png);
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    const alpha = (d[i + 3] as number) / 255;
    for (let k = 0; k < 3; k++) d[i + k] = Math.min(255, Math.round(((d[i + k] as number) * alpha + 255 * (1 - alpha)) / 32) * 32);
    d[i + 3] = 255;
  }
  return new Uint8Array(PNG.sync.write(image, { colorType: 2, deflateLevel: 9 }));
}

/**
 * Teams' chart elements are not in Adaptive Cards 1.5, so the monthly counts are drawn here: ECharts renders SVG
 * without a browser (server-side rendering), resvg turns it into a PNG. About 5 KB, small enough to travel inside the card.
 */
export class MonthlyChart implements ChartPort {
  /** Drawing takes about 0.1 s; the same figures (they change only when a case does) are drawn once. */
  private readonly drawn = new Map<string, Promise<Uint8Array>>();

  monthly(months: AnonymousFigures['months'], locale: Locale): Promise<Uint8Array> {
    const key = JSON.stringify([locale, months]);
    let png = this.drawn.get(key);
    if (!png) {
      if (this.drawn.size >= 100) this.drawn.clear();
      png = this.draw(months, locale);
      this.drawn.set(key, png);
      png.catch(() => this.drawn.delete(key));
    }
    return png;
  }

  private async draw(months: AnonymousFigures['months'], locale: Locale): Promise<Uint8Array> {
    // Loaded on the first chart, not at start: ECharts alone is megabytes of script that every start would parse.
    const [echarts, { Resvg }] = await Promise.all([import('echarts'), import('@resvg/resvg-js')]);
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
    try {
      chart.setOption({
        animation: false,
        textStyle: { fontFamily: 'DejaVu Sans' },
        grid: { left: 36, right: 8, top: 30, bottom: 26 },
        legend: { top: 0, data: [t('casesCol', locale), t('warningsCol', locale)] },
        xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month, locale, true)) },
        yAxis: { type: 'value', minInterval: 1 },
        color: ['#5b5fc7', '#c4a000'],
        series: [
          { name: t('casesCol', locale), type: 'bar', data: months.map((m) => bar(m.incidents)) },
          { name: t('warningsCol', locale), type: 'bar', data: months.map((m) => bar(m.warnings)) },
        ],
      });
      const svg = chart.renderToSVGString();
      const png = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [FONT_FILE], defaultFontFamily: 'DejaVu Sans' } })
        .render()
        .asPng();
      return small(png);
    } finally {
      chart.dispose();
    }
  }
}
