using System.Globalization;
using Contracts.Identity;

namespace Modules.Upwork.Features.BrowseJobPostings;

/// <summary>
/// The opaque keyset cursor of the newest-first job list: the last item's <c>posted_at</c> and id, sealed with the
/// workspace's secret keys (the same on every instance), so a client can neither read it nor forge a position.
/// </summary>
internal sealed class JobCursor(ISecretProtector secrets)
{
    private const string Purpose = "upwork-jobs-cursor:v1";

    public string Encode(DateTimeOffset postedAt, Guid id) =>
        Base64Url(secrets.Protect(string.Create(CultureInfo.InvariantCulture, $"{postedAt.UtcTicks}|{id:N}"), Purpose));

    public bool TryDecode(string? cursor, out (DateTimeOffset PostedAt, Guid Id) position)
    {
        position = default;
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 1000) return false;
        string plain;
        try
        {
            plain = secrets.Unprotect(FromBase64Url(cursor), Purpose);
        }
        catch (Exception)
        {
            // Whatever the decoder or the decryption trips over (bad base64, unknown key version, wrong tag): not our cursor.
            return false;
        }
        var parts = plain.Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out var id))
            return false;
        position = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }

    private static string Base64Url(string sealedValue) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(sealedValue)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FromBase64Url(string cursor)
    {
        var s = cursor.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("bad cursor length") };
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(s));
    }
}
