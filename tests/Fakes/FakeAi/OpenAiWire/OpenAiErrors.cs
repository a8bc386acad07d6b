using FakeAi.Http;

namespace FakeAi.OpenAiWire;

/// <summary>OpenAI's error bodies, worded as the real API words them.</summary>
internal static class OpenAiErrors
{
    public static WireError NoKey() => new(
        401,
        "invalid_request_error",
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.");

    /// <summary>The key is shown as its first five characters and four stars ("sk-te****").</summary>
    public static WireError WrongKey(string key) => new(
        401,
        "invalid_request_error",
        $"Incorrect API key provided: {Mask(key)}. You can find your API key at https://platform.openai.com/account/api-keys.",
        Code: "invalid_api_key");

    public static WireError BadJson() => new(
        400,
        "invalid_request_error",
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)");

    public static WireError Missing(string param) => new(
        400, "invalid_request_error", $"Missing required parameter: '{param}'.", param, "missing_required_parameter");

    public static WireError InvalidType(string param, string expected, string got) => new(
        400, "invalid_request_error", $"Invalid type for '{param}': expected {expected}, but got {got} instead.", param, "invalid_type");

    public static WireError EmptyArray(string param) => new(
        400, "invalid_request_error", $"Invalid '{param}': empty array. Expected an array with minimum length 1, but got an empty array instead.", param, "empty_array");

    public static WireError BelowMinimum(string param, int value) => new(
        400, "invalid_request_error", $"Invalid '{param}': integer below minimum value. Expected a value >= 1, but got {value} instead.", param, "integer_below_min_value");

    public static WireError UnknownModel(string model) => new(
        404, "invalid_request_error", $"The model `{model}` does not exist or you do not have access to it.", Code: "model_not_found");

    public static WireError ForFault(FakeAiFault fault, FakeAiRequest request) => fault.StatusCode switch
    {
        401 => request.ApiKey is null ? NoKey() : WrongKey(request.ApiKey),
        403 => new(403, "invalid_request_error", "Project does not have access to this model.", Code: "model_not_found"),
        404 => UnknownModel(request.Model ?? ""),
        429 => new(
            429,
            "requests",
            $"Rate limit reached for {request.Model ?? "gpt-4o"} in organization org-fake on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in {HttpBits.Seconds(fault.RetryAfter ?? TimeSpan.FromSeconds(20))}s. Visit https://platform.openai.com/account/rate-limits to learn more.",
            Code: "rate_limit_exceeded",
            RetryAfter: fault.RetryAfter),
        500 => new(500, "server_error", "The server had an error while processing your request. Sorry about that!", RetryAfter: fault.RetryAfter),
        502 => new(502, "server_error", "Bad gateway.", RetryAfter: fault.RetryAfter),
        503 => new(503, "server_error", "The engine is currently overloaded, please try again later.", RetryAfter: fault.RetryAfter),
        529 => new(529, "server_error", "The server is overloaded, please try again later.", RetryAfter: fault.RetryAfter),
        >= 500 => new(fault.StatusCode, "server_error", "The server had an error while processing your request. Sorry about that!", RetryAfter: fault.RetryAfter),
        _ => new(fault.StatusCode, "invalid_request_error", "The request was rejected.", RetryAfter: fault.RetryAfter),
    };

    private static string Mask(string key) => (key.Length <= 5 ? key : key[..5]) + "****";
}
