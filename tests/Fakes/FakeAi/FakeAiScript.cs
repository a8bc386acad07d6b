using FakeAi.Text;

namespace FakeAi;

/// <summary>
/// How the fake answers: the reply text, how it is streamed, delays, usage and queued faults. Change it between requests;
/// each request reads the values once, when it arrives.
/// </summary>
public sealed class FakeAiScript
{
    private readonly Lock _sync = new();
    private readonly List<(FakeAiFault Fault, string? Provider)> _faults = [];
    private int _chunkSize = DefaultChunkSize;

    /// <summary>The default <see cref="ChunkSize"/>.</summary>
    public const int DefaultChunkSize = 3;

    /// <summary>The reply text for a request; by default <see cref="DefaultReply"/>.</summary>
    public Func<FakeAiRequest, string> Reply { get; set; } = DefaultReply;

    /// <summary>Words per streamed content chunk (at least 1).</summary>
    public int ChunkSize
    {
        get => _chunkSize;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _chunkSize = value;
        }
    }

    /// <summary>The pause after each streamed content chunk (a slow stream).</summary>
    public TimeSpan ChunkDelay { get; set; }

    /// <summary>The pause before the response headers of every generation request (a slow provider; client timeouts).</summary>
    public TimeSpan FirstByteDelay { get; set; }

    /// <summary>
    /// OpenAI: whether a stream that asked for <c>stream_options.include_usage</c> gets its usage chunk (false mimics
    /// OpenAI-compatible servers that ignore it). Anthropic's events always carry usage.
    /// </summary>
    public bool UsageInStream { get; set; } = true;

    /// <summary>Overrides the reported usage; null (or a null result) counts ceil(chars / 4) of the input and of the output.</summary>
    public Func<FakeAiRequest, FakeUsage?>? Usage { get; set; }

    /// <summary>How many queued faults are left.</summary>
    public int PendingFaults
    {
        get
        {
            lock (_sync)
            {
                return _faults.Count;
            }
        }
    }

    /// <summary>
    /// The default reply: a deterministic professional cover letter of about 330 words in plain paragraphs, ending with
    /// a call to action. It quotes the job title when the last user message names one ("Title: …", or a short first line
    /// that is not an instruction).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The text.</returns>
    public static string DefaultReply(FakeAiRequest request) => CoverLetter.Write(request);

    /// <summary>Queues a fault for the next <paramref name="times"/> generation requests of <paramref name="provider"/> (any when null).</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many requests it applies to.</param>
    /// <param name="provider"><see cref="FakeAiProviders.OpenAI"/>, <see cref="FakeAiProviders.Anthropic"/> or null for either.</param>
    public void Enqueue(FakeAiFault fault, int times = 1, string? provider = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        if (provider is not null and not FakeAiProviders.OpenAI and not FakeAiProviders.Anthropic)
        {
            throw new ArgumentException($"Unknown provider '{provider}'.", nameof(provider));
        }

        lock (_sync)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add((fault, provider));
            }
        }
    }

    /// <summary>Drops the queued faults.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _faults.Clear();
        }
    }

    /// <summary>Drops the queued faults and puts every setting back to its default.</summary>
    public void Reset()
    {
        Clear();
        Reply = DefaultReply;
        ChunkSize = DefaultChunkSize;
        ChunkDelay = TimeSpan.Zero;
        FirstByteDelay = TimeSpan.Zero;
        UsageInStream = true;
        Usage = null;
    }

    /// <summary>Takes the first queued fault meant for <paramref name="provider"/>, if any.</summary>
    internal FakeAiFault? TakeFault(string provider)
    {
        lock (_sync)
        {
            var index = _faults.FindIndex(f => f.Provider is null || f.Provider == provider);
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }
}
