namespace FakeAi.Http;

/// <summary>Identifiers shaped like the providers' own.</summary>
internal static class Ids
{
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string ChatCompletion() => "chatcmpl-" + Random(29);

    public static string Message() => "msg_01" + Random(22);

    public static string OpenAIRequest() => "req_" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    public static string AnthropicRequest() => "req_011" + Random(21);

    private static string Random(int length) => string.Create(length, 0, static (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphanumeric[System.Random.Shared.Next(Alphanumeric.Length)];
        }
    });
}
