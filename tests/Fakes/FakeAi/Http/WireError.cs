namespace FakeAi.Http;

/// <summary>An error in provider-neutral terms; each wire renders it in its provider's body shape.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Type">OpenAI <c>error.type</c> or Anthropic <c>error.type</c>.</param>
/// <param name="Message">The message.</param>
/// <param name="Param">OpenAI <c>error.param</c>.</param>
/// <param name="Code">OpenAI <c>error.code</c>.</param>
/// <param name="RetryAfter">A <c>retry-after</c> header, if any.</param>
internal sealed record WireError(int Status, string Type, string Message, string? Param = null, string? Code = null, TimeSpan? RetryAfter = null);
