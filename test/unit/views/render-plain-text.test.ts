import { describe, expect, it } from 'vitest';
import { plainText, renderPlainText } from '../../../src/core/views/render-plain-text.js';
import { errorView } from '../../../src/core/views/feedback-views.js';

describe('renderPlainText', () => {
  it('strips the markdown subset but keeps links and mentions readable', () => {
    expect(
      plainText('*Bold* and _italic_ see <https://x.test|the list> by <@U1|ann> or <@U2>'),
    ).toBe('Bold and italic see the list (https://x.test) by @ann or @U2');
  });

  it('aligns tables, right-aligning numbers', () => {
    const text = renderPlainText({
      fallbackText: 't',
      visibility: 'private',
      blocks: [
        {
          type: 'table',
          columns: [
            { key: 'a', label: 'Theme' },
            { key: 'b', label: 'n', align: 'right' },
          ],
          rows: [
            { a: '#late', b: '7' },
            { a: '#x', b: '1234' },
          ],
        },
      ],
    });
    expect(text.split('\n')).toEqual(['Theme     n', '-----  ----', '#late     7', '#x     1234']);
  });

  it('shows an error with its usage', () => {
    const text = renderPlainText(
      errorView('"by:size" is not a measure.', 'Usage:\n/cx-pareto [by:count]'),
    );
    expect(text).toContain('"by:size" is not a measure.');
    expect(text).toContain('/cx-pareto [by:count]');
  });
});
