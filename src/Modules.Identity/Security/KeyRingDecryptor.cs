using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Modules.Identity.Security;

/// <summary>
/// Opens what <see cref="KeyRingEncryptor"/> sealed. Data protection creates it by the type name stored in the key's
/// XML, through the constructor that takes the <see cref="IServiceProvider"/>.
/// </summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var encryption = services.GetRequiredService<KeyEncryption>();
        return XElement.Parse(encryption.Decrypt(SecretProtector.Parse(encryptedElement.Value), KeyRingEncryptor.Purpose));
    }
}
