// Settings baked in at build time (base64 so that the bundler leaves them alone).
export const settings = "{{b64of:region=eu-west-1&api_key={{hex:32}}}}";
export const logo = "{{b64:64}}";
