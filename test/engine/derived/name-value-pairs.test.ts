import { describe, expect, it } from 'vitest';
import { foundIn } from '../../helpers/detector.js';

const rulesFound = (text: string, path: string) => foundIn(text, path);

describe('names and values that stand apart', () => {
  it.each([
    ['ios/Info.plist', '<dict>\n  <key>StripeSecretKey</key>\n  <string>{{rand:32}}</string>\n</dict>', '3'],
    ['config/Settings.plist', '<key>Payments API Key</key><string>{{hex:32}}</string>', '1'],
    ['android/res/values/strings.xml', '<resources>\n  <string name="stripe_api_key">{{hex:32}}</string>\n</resources>', '2'],
    ['web.config', '<appSettings>\n  <add key="ApiKey" value="{{hex:32}}" />\n</appSettings>', '2'],
    ['conf/core-site.xml', '<property>\n  <name>fs.s3a.secret.key</name>\n  <value>{{rand:40}}</value>\n</property>', '3'],
    ['app/build.gradle', 'buildConfigField "String", "MAPS_API_KEY", "\\"{{hex:32}}\\""', '1'],
    ['app/build.gradle.kts', 'resValue("string", "api_key", "{{hex:32}}")', '1'],
    ['app/build.gradle.kts', 'manifestPlaceholders += mapOf("apiKey" to "{{hex:32}}")', '1'],
    ['webpack.config.js', "new webpack.DefinePlugin({\n  'process.env.API_KEY': JSON.stringify('{{hex:32}}'),\n})", '2'],
    ['vite.config.ts', `define: {\n  __AUTH_TOKEN__: '"{{hex:32}}"',\n}`, '2'],
    ['deploy/app.yaml', 'env:\n  - name: PAYMENTS_API_KEY\n    value: "{{hex:32}}"', '3'],
  ])('finds the key in %s', (path, text, line) => {
    const found = rulesFound(text, path);
    expect(found).toHaveLength(1);
    expect(found[0]!.split(' ')[0]).toBe(line);
  });

  it('is quiet on values whose names say nothing secret, and on placeholders', () => {
    expect(rulesFound('<key>CFBundleVersion</key>\n<string>1.0.0-build-20240101</string>', 'Info.plist')).toEqual([]);
    expect(rulesFound('<string name="app_name">Shop checkout 2024</string>', 'res/values/strings.xml')).toEqual([]);
    expect(rulesFound('<string name="api_key">YOUR_API_KEY_HERE</string>', 'res/values/strings.xml')).toEqual([]);
    expect(rulesFound('buildConfigField("String", "APP_FLAVOR", "\\"production-eu-west-1\\"")', 'build.gradle.kts')).toEqual([]);
    expect(rulesFound('env:\n  - name: LOG_FORMAT\n    value: "{{hex:32}}"', 'deploy/app.yaml')).toEqual([]);
    // The same shapes outside the files they belong to are not read as pairs.
    expect(rulesFound('<string name="stripe_api_key">{{hex:32}}</string>', 'docs/guide.md')).toEqual([]);
  });
});
