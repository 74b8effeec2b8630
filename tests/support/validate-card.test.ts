import { cardSize, MAX_CARD_BYTES, validateCard } from './validate-card';

type Card = Record<string, unknown> & { body: Record<string, unknown>[]; actions: Record<string, unknown>[] };

/** A small, valid Teams card: Adaptive Card 1.5 with inputs and Universal Actions. */
function validCard(): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Opbakning', weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'Input.Text', id: 'note', label: 'Note', isMultiline: true, isRequired: true, errorMessage: 'Required' },
      { type: 'Input.Toggle', id: 'urgent', title: 'Urgent', value: 'false' },
      {
        type: 'Input.ChoiceSet',
        id: 'channel',
        label: 'Channel',
        style: 'compact',
        choices: [
          { title: 'Facebook', value: 'facebook' },
          { title: 'X', value: 'x' },
        ],
      },
      { type: 'Container', rtl: false, items: [{ type: 'TextBlock', text: 'Inside', wrap: true }] },
    ],
    actions: [
      {
        type: 'Action.Execute',
        title: 'Send',
        verb: 'submitCase',
        data: { caseId: 'c-1' },
        associatedInputs: 'auto',
        fallback: { type: 'Action.Submit', title: 'Send', data: { verb: 'submitCase' } },
      },
      { type: 'Action.Execute', title: 'Cancel', verb: 'cancel', associatedInputs: 'none' },
    ],
  };
}

function expectProblem(problems: string[], ...patterns: RegExp[]) {
  for (const pattern of patterns) {
    expect(problems.some((p) => pattern.test(p))).toBe(true);
    if (!problems.some((p) => pattern.test(p))) {
      // Surfaces the actual list in the jest output when the assertion above fails.
      throw new Error(`no problem matched ${pattern}; got:\n${problems.join('\n')}`);
    }
  }
}

describe('validateCard', () => {
  it('accepts a small valid 1.5 card with Action.Execute and inputs', () => {
    expect(validateCard(validCard())).toEqual([]);
  });

  it('accepts a Teams people picker (choices.data) and msteams width Full', () => {
    const card = validCard();
    card.msteams = { width: 'Full' };
    card.body.push({
      type: 'Input.ChoiceSet',
      id: 'staff',
      label: 'Staff',
      isMultiSelect: true,
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
    card.body.push({
      type: 'Input.ChoiceSet',
      id: 'members',
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users?scope=currentContext' },
    });
    expect(validateCard(card)).toEqual([]);
  });

  it('rejects version 1.6', () => {
    const card = validCard();
    card.version = '1.6';
    expectProblem(validateCard(card), /\$\.version.*"1\.5".*"1\.6"/);
  });

  it('rejects a misspelled property (isRequred)', () => {
    const card = validCard();
    card.body[1] = { type: 'Input.Text', id: 'note', isRequred: true };
    const problems = validateCard(card);
    expectProblem(problems, /\$\.body\[1\]\.isRequred: unknown property "isRequred" on Input\.Text/);
    // One readable message, not one per anyOf branch.
    expect(problems).toHaveLength(1);
  });

  it('rejects an unknown element type', () => {
    const card = validCard();
    card.body.push({ type: 'Bogus', text: 'x' });
    const problems = validateCard(card);
    expectProblem(problems, /\[schema\] \$\.body\[5\]\.type: unknown type "Bogus"/, /\[adaptivecards\].*Bogus/);
  });

  it('rejects duplicate input ids', () => {
    const card = validCard();
    card.body.push({ type: 'Input.Text', id: 'note', label: 'Again' });
    expectProblem(validateCard(card), /duplicate input id "note" at \$\.body\[1\], \$\.body\[5\]/, /DuplicateId/);
  });

  it('rejects an Action.Execute without verb', () => {
    const card = validCard();
    card.actions.push({ type: 'Action.Execute', title: 'No verb' });
    expectProblem(validateCard(card), /\$\.actions\[2\]: Action\.Execute needs a non-empty "verb"/);
    card.actions[2] = { type: 'Action.Execute', title: 'Blank verb', verb: '  ' };
    expectProblem(validateCard(card), /\$\.actions\[2\]: Action\.Execute needs a non-empty "verb"/);
  });

  it('rejects a card over 28 KB', () => {
    const card = validCard();
    card.body.push({ type: 'TextBlock', text: 'æ'.repeat(15 * 1024), wrap: true }); // 2 bytes each in UTF-8
    expect(cardSize(card)).toBeGreaterThan(MAX_CARD_BYTES);
    expectProblem(validateCard(card), /over the 28672-byte \(28 KB\) limit/);
  });

  it('rejects Input.Toggle without title', () => {
    const card = validCard();
    card.body[2] = { type: 'Input.Toggle', id: 'urgent' };
    expectProblem(validateCard(card), /\$\.body\[2\]: missing required property "title" on Input\.Toggle/);
  });

  it('rejects an Action.Submit at top level', () => {
    const card = validCard();
    card.actions.push({ type: 'Action.Submit', title: 'Old style' });
    expectProblem(validateCard(card), /\$\.actions\[2\]: Action\.Submit is not allowed/);
  });

  it('rejects malformed Teams additions', () => {
    const card = validCard();
    card.msteams = { width: 'Wide', foo: 1 };
    card.body.push({
      type: 'Input.ChoiceSet',
      id: 'staff',
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/groups' },
    });
    card.body.push({ type: 'Input.Text', id: 'x', 'choices.data': { type: 'Data.Query' } });
    const problems = validateCard(card);
    expectProblem(
      problems,
      /\$\.msteams\.width: must be "Full"/,
      /unknown msteams property "foo"/,
      /\$\.body\[5\]\["choices\.data"\]\.dataset/,
      /\$\.body\[6\]\["choices\.data"\]: unknown property "choices\.data" on Input\.Text/,
    );
  });

  it('rejects msteams below the root card', () => {
    const card = validCard();
    card.actions.push({
      type: 'Action.ShowCard',
      title: 'More',
      card: { type: 'AdaptiveCard', msteams: { width: 'Full' }, body: [] },
    });
    expectProblem(validateCard(card), /\$\.actions\[2\]\.card\.msteams: unknown property "msteams"/);
  });

  it('cardSize counts UTF-8 bytes of the JSON', () => {
    expect(cardSize({ a: 'æ' })).toBe(Buffer.byteLength('{"a":"æ"}', 'utf8'));
  });
});
