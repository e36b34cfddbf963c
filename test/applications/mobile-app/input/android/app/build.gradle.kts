plugins {
    id("com.android.application")
    kotlin("android")
}

android {
    namespace = "com.example.shop"
    defaultConfig {
        applicationId = "com.example.shop"
        minSdk = 24
        buildConfigField("String", "PAYMENTS_API_KEY", "\"{{hex:32}}\"")
        resValue("string", "analytics_api_key", "{{hex:32}}")
        manifestPlaceholders += mapOf("mapsApiKey" to "{{hex:32}}")
        buildConfigField("String", "APP_FLAVOR", "\"production-eu-west\"")
    }
}
