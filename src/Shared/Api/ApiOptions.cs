namespace Shared.Api;

/// <summary>Settings under <c>Api</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api";

    /// <summary>Largest request body accepted on <c>/api</c>, in bytes (default 1 MiB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Request rate limits.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary>Settings under <c>Api:RateLimit</c>: fixed one-minute windows.</summary>
public sealed class RateLimitOptions
{
    /// <summary>API requests per minute from one IP address.</summary>
    public int PerIpPerMinute { get; set; } = 600;

    /// <summary>API requests per minute from one signed-in user, whatever their address.</summary>
    public int PerUserPerMinute { get; set; } = 300;
}
