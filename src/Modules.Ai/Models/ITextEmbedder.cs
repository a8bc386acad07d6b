using Modules.Ai.Scoring;

namespace Modules.Ai.Models;

/// <summary>Turns short texts into sentence embeddings (unit-length vectors, so a dot product is their cosine).</summary>
internal interface ITextEmbedder
{
    /// <summary>One vector per text, in the order given. Callers must treat the arrays as read-only: they may be cached.</summary>
    ValueTask<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken ct);
}
