namespace FakeAi.Http;

/// <summary>A request as logged, and the error the provider would answer it with, if any.</summary>
internal sealed record ParsedRequest(FakeAiRequest Request, WireError? Error);
