import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('the starting value of a settings field declared as a password', () => {
  it("reports a WooCommerce gateway field's default, before or after its type, and leaves the placeholder", () => {
    const php = [
      '        $this->form_fields = array(',
      "            'webhook_secret' => array(",
      "                'title'       => __( 'Webhook secret', 'ridgeline-pay' ),",
      "                'default'     => 'c41e9a07d2b85f36e1a04c79d3b28f56',",
      "                'type'        => 'password',",
      "                'placeholder' => 'XXXXXXXXXXXXXXXX',",
      '            ),',
      "            'merchant_pin' => array(",
      "                'type'    => 'password',",
      "                'default' => 'Vt6#mQz2Lp',",
      '            ),',
      '        );',
      '',
    ].join('\n');
    expect(values(php, 'includes/class-ridgeline-gateway.php')).toEqual(['c41e9a07d2b85f36e1a04c79d3b28f56', 'Vt6#mQz2Lp']);
  });

  it('reads form schemas in JavaScript and JSON, and OpenAPI\'s password format', () => {
    expect(values("  { id: 'relayToken', label: 'Relay', type: 'password', default: 'Zr8Kq3Wn6Tx1Lm4V' },\n", 'src/settings.js')).toEqual(['Zr8Kq3Wn6Tx1Lm4V']);
    expect(values('"smtp_pass": {"type": "string", "format": "password", "default": "Hw5!nRk9Qt"}\n', 'schema.json')).toEqual(['Hw5!nRk9Qt']);
  });

  it('leaves empty and placeholder defaults, fields of other types, and values of a nested list of options', () => {
    const text = [
      "{ name: 'pin', type: 'password', default: '' }",
      "{ name: 'pin', type: 'password', default: 'your-password-here' }",
      "{ name: 'mode', type: 'select', default: 'Qm4Xt8Rk2Wz7Lp3N' }",
      "{ name: 'pw', type: 'password', options: [{ value: 'Qm4Xt8Rk2Wz7Lp3N' }] }",
      '',
    ].join('\n');
    expect(values(text, 'src/fields.ts')).toEqual([]);
  });
});
