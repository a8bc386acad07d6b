namespace Contracts.Ai;

/// <summary>
/// Checks that an AI key works by asking its provider for the model list (costs nothing, writes nothing). Identity
/// owns the keys; only the AI module talks to providers, so Identity tests a stored key through this.
/// </summary>
public interface IAiKeyTester
{
    /// <summary>
    /// Tests <paramref name="apiKey"/> against <paramref name="provider"/> (see <see cref="AiProviderKinds"/>) at
    /// <paramref name="baseUrl"/>, or the workspace's configured base URL when null. A base URL a member typed
    /// (<paramref name="baseUrlFromUser"/>) may reach only public addresses unless the admin allows local models.
    /// Never throws for a provider's answer; the key never appears in the result.
    /// </summary>
    Task<AiKeyTestResult> TestAsync(string provider, string apiKey, string? baseUrl, bool baseUrlFromUser, CancellationToken ct);
}

/// <summary>The outcome of a key test: <paramref name="Ok"/>, and a sentence for a person (the provider's reason on failure).</summary>
public sealed record AiKeyTestResult(bool Ok, string Message, int? ModelCount = null);
