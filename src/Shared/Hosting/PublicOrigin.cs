namespace Shared.Hosting;

/// <summary>
/// The app's public address, <c>App:PublicUrl</c>: the origin of every link we send (password reset, e-mail
/// confirmation) and what decides whether the auth cookie is <c>Secure</c> and HSTS is sent. It never comes from a
/// request: the Host header is the client's to choose (a forged one would put an attacker's host in a reset link).
/// Production refuses to start without it; elsewhere it falls back to the address the server is listening on once it
/// has started (so a random test port or <c>dotnet run</c>'s launch profile just works), else the configured listen
/// address (<c>urls</c> / <c>Kestrel:Endpoints</c>), else <c>http://localhost:5000</c>. Never a request's address.
/// </summary>
public sealed class PublicOrigin
{
    /// <summary>The configuration key.</summary>
    public const string Key = "App:PublicUrl";
    private const string DevelopmentDefault = "http://localhost:5000";

    private readonly Uri _origin;
    private readonly Func<string?>? _listening;

    private PublicOrigin(Uri origin, bool configured, Func<string?>? listening = null)
    {
        _origin = origin;
        IsConfigured = configured;
        _listening = listening;
    }

    /// <summary>Scheme, host and port, with no trailing slash (e.g. <c>https://assistant.example.com</c>).</summary>
    public Uri Origin => IsConfigured ? _origin : Listening() ?? _origin;

    /// <summary>Whether <c>App:PublicUrl</c> was set (rather than the non-production fallback).</summary>
    public bool IsConfigured { get; }

    /// <summary>Whether people reach the app over https (then the auth cookie is Secure and HSTS is sent).</summary>
    public bool IsHttps => Origin.Scheme == Uri.UriSchemeHttps;

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (starting with '/') on the public address.</summary>
    public string Link(string pathAndQuery) => Origin.GetLeftPart(UriPartial.Authority) + pathAndQuery;

    /// <summary>Reads and checks <c>App:PublicUrl</c>; throws in Production when it is missing or not an absolute http(s) URL.</summary>
    /// <param name="configuration">The app's configuration (<c>App:PublicUrl</c>, <c>urls</c>, <c>Kestrel:Endpoints</c>).</param>
    /// <param name="environment">Production requires <c>App:PublicUrl</c>.</param>
    /// <param name="listening">Outside Production, with no <c>App:PublicUrl</c>: the server's first bound address once known.</param>
    public static PublicOrigin Resolve(IConfiguration configuration, IHostEnvironment environment, Func<string?>? listening = null)
    {
        var configured = configuration[Key];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new InvalidOperationException($"{Key} must be an absolute http(s) address such as https://assistant.example.com (it is \"{configured}\").");
            return new PublicOrigin(new Uri(uri.GetLeftPart(UriPartial.Authority)), configured: true);
        }
        if (environment.IsProduction())
            throw new InvalidOperationException($"{Key} is not set. In production set App__PublicUrl to the address people use (e.g. https://assistant.example.com): links in e-mails are built from it, never from a request's Host header.");
        return new PublicOrigin(new Uri(ListenAddress(configuration)), configured: false, listening);
    }

    private Uri? Listening()
    {
        var address = _listening?.Invoke();
        if (address is null) return null;
        var normalised = Normalise(address);
        return Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new Uri(uri.GetLeftPart(UriPartial.Authority)) : null;
    }

    private static string Normalise(string address) => address.Replace("://+", "://localhost").Replace("://*", "://localhost")
        .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");

    // The first configured listen address, with wildcard hosts (+, *, 0.0.0.0, [::]) read as localhost.
    private static string ListenAddress(IConfiguration configuration)
    {
        var candidates = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        foreach (var candidate in candidates)
        {
            var normalised = Normalise(candidate);
            if (Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                return uri.GetLeftPart(UriPartial.Authority);
        }
        return DevelopmentDefault;
    }
}
