namespace FakeAi.Http;

/// <summary>One server-sent event; content frames are the ones chunk delays and drops count.</summary>
internal sealed record SseFrame(string? Event, string Data, bool IsContent = false);
