using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Modules.Identity.Security;

/// <summary>
/// Seals each data-protection key (the <c>&lt;descriptor&gt;</c> that holds its <c>&lt;masterKey&gt;</c>) with the app's
/// master key before the key ring is stored in <c>identity.data_protection_keys</c>. Without it the table held every
/// key in plain XML: anyone who could read the database (a backup, a read-only replica) could forge sign-in cookies
/// and antiforgery tokens and open OAuth state. AES-256-GCM through <see cref="KeyEncryption"/>, bound to
/// <see cref="Purpose"/>, in <see cref="SecretProtector"/>'s self-describing form, so <c>rotate-keys</c> re-seals it
/// (<see cref="KeyRingSealedColumns"/>) like every other sealed column.
/// </summary>
internal sealed class KeyRingEncryptor(KeyEncryption encryption) : IXmlEncryptor
{
    public const string Purpose = "DataProtection.KeyRing.v1";
    public const string ElementName = "sealedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var sealedForm = SecretProtector.Format(encryption.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting), Purpose));
        return new EncryptedXmlInfo(new XElement(ElementName, sealedForm), typeof(KeyRingDecryptor));
    }
}
