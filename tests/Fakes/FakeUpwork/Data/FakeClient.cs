namespace FakeUpwork;

/// <summary>An API key (OAuth client) registered with the fake.</summary>
public sealed class FakeClient
{
    /// <summary>The client id ("key").</summary>
    public string ClientId { get; set; } = "ua-test-client";

    /// <summary>The client secret.</summary>
    public string ClientSecret { get; set; } = "ua-test-secret";

    /// <summary>The single registered callback; the authorize and token endpoints demand an exact match.</summary>
    public string RedirectUri { get; set; } = "http://127.0.0.1/callback";

    /// <summary>Granted scope ids (see <see cref="FakeScopes"/>). Changing them through <see cref="FakeUpworkState.UpdateClient"/> revokes every token of the client.</summary>
    public ISet<string> Scopes { get; set; } = new HashSet<string>(FakeScopes.DefaultGrant, StringComparer.Ordinal);

    /// <summary>Enterprise keys may use the client_credentials grant.</summary>
    public bool Enterprise { get; set; }

    /// <summary>Creates a copy (the state never hands out its own instances).</summary>
    /// <returns>The copy.</returns>
    public FakeClient Clone() => new()
    {
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        RedirectUri = RedirectUri,
        Scopes = new HashSet<string>(Scopes, StringComparer.Ordinal),
        Enterprise = Enterprise,
    };
}
