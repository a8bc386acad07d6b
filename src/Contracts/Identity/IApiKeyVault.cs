namespace Contracts.Identity;

/// <summary>
/// The AI keys a user may use: their own first, then the workspace's. Decrypted only here, only for the call that
/// needs them; never logged, never sent to a browser.
/// </summary>
public interface IApiKeyVault
{
    /// <summary>The key to use for <paramref name="provider"/> (see Contracts.Ai.AiProviderKinds), or null when there is none.</summary>
    Task<ProviderCredential?> GetAsync(Guid userId, string provider, CancellationToken ct);

    /// <summary>The key to use for every provider that has one (one read for the whole provider chain).</summary>
    Task<IReadOnlyDictionary<string, ProviderCredential>> GetAllAsync(Guid userId, CancellationToken ct);
}

/// <summary>A usable credential and where it came from (<c>user</c> or <c>workspace</c>).</summary>
public sealed record ProviderCredential(string Provider, string ApiKey, string? BaseUrl, string Source)
{
    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"{Provider} key ({Source})";
}
