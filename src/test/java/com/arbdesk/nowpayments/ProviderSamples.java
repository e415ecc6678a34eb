package com.arbdesk.nowpayments;

/** Provider answers copied from api-facts.md (real production bodies where one exists). */
final class ProviderSamples {

    private ProviderSamples() {
    }

    /** Real POST /v1/payment answer, 2025-08: payment_id and purchase_id are strings. */
    static final String CREATE_PAYMENT_2025 = """
            {"payment_id":"5977953151","payment_status":"waiting","pay_address":"0x24070CE7202c541381F3dF0aeb58d253006b9262","price_amount":13,"price_currency":"usd","pay_amount":13.25552622,"amount_received":12.96277893,"pay_currency":"usdtbsc","order_id":null,"order_description":null,"payin_extra_id":null,"ipn_callback_url":"https://nowpayments.io","customer_email":null,"created_at":"2025-08-27T16:56:58.628Z","updated_at":"2025-08-27T16:56:58.628Z","purchase_id":"4740818607","smart_contract":null,"network":"bsc","network_precision":null,"time_limit":null,"burning_percent":null,"expiration_estimate_date":"2025-08-27T17:16:58.628Z","is_fixed_rate":true,"is_fee_paid_by_user":false,"valid_until":"2025-09-03T16:56:58.628Z","type":"crypto2crypto","product":"api","origin_ip":"157.48.244.247"}""";

    /** Real GET /v1/payment/{id} answer, 2025-08: numeric ids, burning_percent is the string "null". */
    static final String GET_PAYMENT_2025 = """
            {"payment_id":5093564248,"invoice_id":null,"payment_status":"waiting","pay_address":"0x44568B551126DE713C8EA19ec9eeB6081829d400","payin_extra_id":null,"price_amount":12,"price_currency":"usd","pay_amount":13.488185,"actually_paid":0,"pay_currency":"usdterc20","order_id":null,"order_description":null,"purchase_id":4628350473,"outcome_amount":null,"outcome_currency":"usdtbsc","payout_hash":null,"payin_hash":null,"created_at":"2025-08-26T16:31:32.669Z","updated_at":"2025-08-26T16:31:32.669Z","burning_percent":"null","type":"crypto2crypto"}""";

    /** The 2025 status body with IPN-style epoch-millis updated_at and a string pay_amount (2023 prod drift). */
    static final String GET_PAYMENT_DRIFTED = """
            {"payment_id":"5170245329","invoice_id":6060616802,"payment_status":"partially_paid","pay_address":"UQD8XzQ5QjIwe8ndSLueVyQ_fa_lD8lz8c5LrOFlhIVqJPn2","payin_extra_id":"null","price_amount":100,"price_currency":"ton","pay_amount":"100.000","actually_paid":0.78,"pay_currency":"ton","order_id":"dep-42","order_description":null,"purchase_id":"4919950580","outcome_amount":0.76615,"outcome_currency":"ton","parent_payment_id":null,"updated_at":1749522415506}""";

    /** Documented POST /v1/invoice answer: price_amount is a string. */
    static final String INVOICE_DOC = """
            {"id":"4522625843","order_id":"RGDBP-21314","order_description":"Apple Macbook Pro 2019 x 1","price_amount":"1000","price_currency":"usd","pay_currency":null,"ipn_callback_url":"https://nowpayments.io","invoice_url":"https://nowpayments.io/payment/?iid=4522625843","success_url":"https://nowpayments.io","cancel_url":"https://nowpayments.io","created_at":"2020-12-22T15:05:58.290Z","updated_at":"2020-12-22T15:05:58.290Z"}""";

    /** Real POST /v1/invoice answer, 2023-10 (price_currency echoed uppercase). */
    static final String INVOICE_2023 = """
            {"id":"4564587856","token_id":"5739032767","order_id":null,"order_description":"Pay for services","price_amount":"5","price_currency":"USD","pay_currency":null,"ipn_callback_url":"…","invoice_url":"https://nowpayments.io/payment/?iid=4564587856","success_url":null,"cancel_url":null,"partially_paid_url":null,"payout_currency":null,"created_at":"2023-10-30T20:37:48.105Z","updated_at":"2023-10-30T20:37:48.105Z","is_fixed_rate":true,"is_fee_paid_by_user":true}""";

    static final String MIN_AMOUNT = """
            {"currency_from":"eth","currency_to":"trx","min_amount":0.0078999,"fiat_equivalent":35.40626584}""";

    static final String ESTIMATE = """
            {"currency_from":"usd","amount_from":3999.5,"currency_to":"btc","estimated_amount":0.17061637}""";

    /** Fixed-rate list as really answered (objects) and as documented (bare tickers). */
    static final String FIXED_RATE_OBJECTS = """
            {"currencies":[{"currency":"usdttrc20","max_amount":87245.577658,"min_amount":15.8759118},{"currency":"btc","max_amount":0.95,"min_amount":0.0001813}]}""";
    static final String FIXED_RATE_STRINGS = """
            {"currencies":["usdttrc20","btc"]}""";

    /** One real-shaped full-currencies entry (network_precision is a string). */
    static final String FULL_CURRENCIES = """
            {"currencies":[{"id":1,"code":"USDTTRC20","name":"Tether USD (Tron)","enable":true,"wallet_regex":"^T[1-9A-HJ-NP-Za-km-z]{33}$","priority":1,"extra_id_exists":false,"extra_id_regex":null,"logo_url":"/images/coins/usdttrc20.svg","track":true,"cg_id":"tether","is_maxlimit":false,"network":"trx","smart_contract":null,"network_precision":"6","explorer_link_hash":null,"precision":6,"ticker":"usdt","is_defi":false,"is_popular":true,"is_stable":true,"available_for_to_conversion":true,"trust_wallet_id":null,"created_at":"2024-08-28T00:00:00.000Z","updated_at":"2024-08-28T00:00:00.000Z"},{"id":2,"code":"XRP","name":"Ripple","enable":false,"wallet_regex":"^r[1-9A-HJ-NP-Za-km-z]{25,34}$","extra_id_exists":true,"network":"xrp","precision":"6"}]}""";

    static final String ERROR_INVALID_API_KEY = """
            {"status":false,"statusCode":403,"code":"INVALID_API_KEY","message":"Invalid api key"}""";
    static final String ERROR_INVALID_PARAMS = """
            {"status":false,"statusCode":400,"code":"INVALID_REQUEST_PARAMS","message":"success_url must be a valid uri"}""";
    static final String ERROR_AMOUNT_MINIMAL = """
            {"status":false,"statusCode":400,"code":"AMOUNT_MINIMAL_ERROR","message":"Crypto amount 10.485047 is less than minimal"}""";
    static final String ERROR_CURRENCY_UNAVAILABLE = """
            {"status":false,"statusCode":500,"message":"This currency is currently unavailable. Try it in 2 hours"}""";
    static final String ERROR_CURRENCY_NOT_FOUND = """
            {"status":false,"statusCode":404,"message":"Currency cup not found"}""";
    static final String ERROR_AUTH_REQUIRED = """
            {"status":false,"statusCode":401,"code":"AUTH_REQUIRED","message":"Authorization header is empty (Bearer JWTtoken is required)"}""";

    /** What the rate limiter answers: nginx HTML, no JSON envelope, no Retry-After. */
    static final String RATE_LIMIT_HTML = "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n"
            + "<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n"
            + "</body>\r\n</html>\r\n" + "<!-- padding -->".repeat(20);

    static String paymentList(String... items) {
        return "{\"data\":[" + String.join(",", items) + "],\"limit\":10,\"page\":0,\"pagesCount\":582,\"total\":5815}";
    }

    /** A list item: the status shape plus parent_payment_id and origin_type of a re-deposit. */
    static final String LIST_ITEM_REDEPOSIT = """
            {"payment_id":5513339154,"parent_payment_id":5513339153,"origin_type":"REPEATED","invoice_id":null,"payment_status":"finished","pay_address":"TDbqd96NNmXmNQCCbdohbvDnDZHcZy1GGJ","payin_extra_id":null,"price_amount":5,"price_currency":"usd","pay_amount":69.242455,"actually_paid":69.25,"pay_currency":"trx","order_id":"1","order_description":"Pay for services","purchase_id":5931000544,"outcome_amount":4.959058,"outcome_currency":"usdttrc20","created_at":"2023-10-30T20:38:00.000Z","updated_at":"2023-10-30T20:42:26.468Z"}""";
}
