namespace Shared.Live;

/// <summary>Settings under <c>Redis</c>. Absent: everything runs in-process.</summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>. Empty means no Redis.</summary>
    public string? Connection { get; set; }

    /// <summary>Prefix for every key and channel, so several deployments can share one Redis.</summary>
    public string Prefix { get; set; } = "ua";
}
