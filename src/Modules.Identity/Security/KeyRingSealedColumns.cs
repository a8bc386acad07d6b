using System.Xml.Linq;
using Contracts.Identity;

namespace Modules.Identity.Security;

/// <summary>
/// The data-protection key ring in the registry of sealed columns: each stored key's <see cref="KeyRingEncryptor"/>
/// element, so <c>rotate-keys</c> re-seals it and removing an old master key does not sign everyone out. Keys stored
/// before the key ring was sealed (plain XML) have no such element and are not counted; they expire on their own.
/// </summary>
internal sealed class KeyRingSealedColumns(IDbContextFactory<AppDbContext> contexts) : ISealedColumns
{
    public const string KeyRing = "identity.data_protection_keys.xml";

    public IReadOnlyList<string> Columns { get; } = [KeyRing];

    public async Task VisitAsync(SealedValueVisitor visit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        foreach (var key in await db.DataProtectionKeys.ToListAsync(ct))
        {
            if (string.IsNullOrEmpty(key.Xml)) continue;
            var xml = XElement.Parse(key.Xml);
            var changed = false;
            foreach (var element in xml.Descendants(KeyRingEncryptor.ElementName))
                if (visit(KeyRing, element.Value, KeyRingEncryptor.Purpose) is { } resealed)
                {
                    element.Value = resealed;
                    changed = true;
                }
            if (changed) key.Xml = xml.ToString(SaveOptions.DisableFormatting);
        }
        await db.SaveChangesAsync(ct);
    }
}
