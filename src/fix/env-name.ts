/** Names so generic that the vendor is put in front of them: `key` becomes `STRIPE_KEY`. */
const GENERIC = new Set(['KEY', 'TOKEN', 'SECRET', 'API_KEY', 'APIKEY', 'PASSWORD', 'PASS', 'PWD', 'AUTH', 'CREDENTIAL', 'SECRET_KEY', 'ACCESS_TOKEN', 'VALUE']);

/** `stripeSecretKey`, `stripe-secret-key`, `STRIPE_SECRET_KEY` → `STRIPE_SECRET_KEY`. */
export function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/**
 * The environment variable a key moves to: the vendor's documented one when the rule knows it, else the name the
 * code gave it (`const stripeKey = "…"`, `apiKey: "…"`), else one made from the vendor.
 */
export function envNameFor(options: { documented?: string; textBefore: string; vendor?: string }): string {
  if (options.documented) return options.documented;
  const vendor = options.vendor && !options.vendor.includes(' or ') ? upperSnake(options.vendor) : '';
  const assigned = /([A-Za-z_$][\w$.-]*)["'\]]?\s*(?::=|=>|[:=]|,)\s*(?:[A-Za-z_.]*\(\s*)?$/.exec(options.textBefore)?.[1];
  let name = assigned ? upperSnake(assigned.split('.').pop()!.replace(/^\$/, '')) : '';
  if (/^\d/.test(name)) name = '';
  if (name && GENERIC.has(name) && vendor && !name.startsWith(vendor)) name = `${vendor}_${name}`;
  if (name) return name;
  return vendor ? `${vendor}_API_KEY` : 'SECRET_KEY';
}
