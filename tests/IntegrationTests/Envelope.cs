namespace IntegrationTests;

/// <summary>Reads an <c>/api/v1</c> response as the envelope the product promises, checking its fixed fields.</summary>
internal sealed record Envelope(HttpStatusCode Status, JsonElement Root, HttpResponseMessage Response)
{
    public bool Success => Root.GetProperty("success").GetBoolean();
    public string Message => Root.GetProperty("message").GetString()!;
    public string RequestId => Root.GetProperty("request_id").GetString()!;
    public JsonElement Data => Root.GetProperty("data");
    public IReadOnlyList<(string Field, string Message)> Errors =>
        Root.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => (e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!)).ToList()
            : [];

    public static async Task<Envelope> ReadAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        foreach (var field in new[] { "success", "data", "message", "timestamp", "request_id" })
            root.TryGetProperty(field, out _).ShouldBeTrue($"envelope lacks '{field}'");
        DateTimeOffset.TryParse(root.GetProperty("timestamp").GetString(), out _).ShouldBeTrue("timestamp is not a date");
        var envelope = new Envelope(response.StatusCode, root, response);
        response.Headers.GetValues("X-Request-Id").Single().ShouldBe(envelope.RequestId);
        return envelope;
    }
}

internal static class EnvelopeHttpExtensions
{
    public static async Task<Envelope> GetEnvelopeAsync(this HttpClient client, string url) => await Envelope.ReadAsync(await client.GetAsync(url));
}
