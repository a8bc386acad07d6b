using FakeAi.Http;

namespace FakeAi.AnthropicWire;

/// <summary>Anthropic's error bodies, worded as the real API words them.</summary>
internal static class AnthropicErrors
{
    public static WireError NoKey() => new(401, "authentication_error", "x-api-key header is required");

    public static WireError WrongKey() => new(401, "authentication_error", "invalid x-api-key");

    public static WireError NoVersion() => new(400, "invalid_request_error", "anthropic-version: header is required");

    public static WireError BadJson() => new(400, "invalid_request_error", "There was an error parsing the body of your request. Please make sure the body is valid JSON.");

    public static WireError Missing(string field) => new(400, "invalid_request_error", $"{field}: Field required");

    public static WireError Invalid(string field, string message) => new(400, "invalid_request_error", $"{field}: {message}");

    public static WireError UnknownModel(string model) => new(404, "not_found_error", $"model: {model}");

    public static WireError ForFault(FakeAiFault fault, FakeAiRequest request) => fault.StatusCode switch
    {
        400 => new(400, "invalid_request_error", "The request was rejected.", RetryAfter: fault.RetryAfter),
        401 => request.ApiKey is null ? NoKey() : WrongKey(),
        402 => new(402, "billing_error", "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."),
        403 => new(403, "permission_error", "Your API key does not have permission to use the specified resource."),
        404 => UnknownModel(request.Model ?? ""),
        413 => new(413, "request_too_large", "Request exceeds the maximum allowed number of bytes."),
        429 => new(
            429,
            "rate_limit_error",
            "This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.",
            RetryAfter: fault.RetryAfter),
        500 => new(500, "api_error", "Internal server error", RetryAfter: fault.RetryAfter),
        504 => new(504, "timeout_error", "Request timed out", RetryAfter: fault.RetryAfter),
        529 => new(529, "overloaded_error", "Overloaded", RetryAfter: fault.RetryAfter),
        >= 500 => new(fault.StatusCode, "api_error", "Service unavailable", RetryAfter: fault.RetryAfter),
        _ => new(fault.StatusCode, "invalid_request_error", "The request was rejected.", RetryAfter: fault.RetryAfter),
    };
}
