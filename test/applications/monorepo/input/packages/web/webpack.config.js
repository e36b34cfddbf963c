const webpack = require('webpack');

module.exports = {
  plugins: [
    new webpack.DefinePlugin({
      'process.env.API_KEY': JSON.stringify('{{hex:32}}'),
      'process.env.APP_NAME': JSON.stringify('shop-web-storefront'),
    }),
  ],
};
