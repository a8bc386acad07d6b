using System.Globalization;
using Contracts.Identity;
using Shared.Security;

namespace Modules.Upwork.Features.BrowseJobPostings;

/// <summary>
/// The opaque keyset cursor of the newest-first job list: the last item's <c>posted_at</c> and id, sealed with the
/// workspace's secret keys (the same on every instance), so a client can neither read it nor forge a position. It also
/// carries the first page's total, so later pages skip the (bounded, but per page the costliest) count.
/// </summary>
internal sealed class JobCursor(ISecretProtector secrets)
{
    private const string Purpose = "upwork-jobs-cursor:v1";

    public string Encode(DateTimeOffset postedAt, Guid id, int total, bool totalCapped) =>
        Base64Url(secrets.Protect(string.Create(CultureInfo.InvariantCulture, $"{postedAt.UtcTicks}|{id:N}|{total}|{(totalCapped ? 1 : 0)}"), Purpose));

    public bool TryDecode(string? cursor, out (DateTimeOffset PostedAt, Guid Id) position) => TryDecode(cursor, out position, out _);

    /// <summary>Also the total it carries (null in a cursor from before totals were carried).</summary>
    public bool TryDecode(string? cursor, out (DateTimeOffset PostedAt, Guid Id) position, out (int Total, bool Capped)? total)
    {
        position = default;
        total = null;
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
        if (parts.Length == 4 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var carried) && parts[3] is "0" or "1")
            total = (carried, parts[3] == "1");
        else if (parts.Length != 2) return false;
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
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
