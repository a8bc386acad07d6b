namespace FakeAi;

/// <summary>Kinds of injected faults.</summary>
public enum FakeAiFaultKind
{
    /// <summary>An HTTP error with the provider's own error body (and its rate-limit headers for 429).</summary>
    Status,

    /// <summary>Waits before the response headers, then answers normally.</summary>
    Slow,

    /// <summary>Closes the connection in the middle of a streamed answer (a non-streamed one gets no answer at all).</summary>
    DropMidStream,
}
