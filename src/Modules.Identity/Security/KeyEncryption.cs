using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Modules.Identity.Security;

/// <summary>
/// AES-256-GCM for stored API keys: a random 96-bit nonce per encryption, the 128-bit tag stored, the row's owner
/// and provider bound in as associated data (a ciphertext copied to another row does not decrypt), and a key
/// version per row so the master key can be rotated: old versions decrypt until every row is re-encrypted.
/// Master keys come from <c>Security:EncryptionKeys</c> (version → base64 of 32 bytes) with
/// <c>Security:ActiveKeyVersion</c>; outside Production a key is generated into the data folder with a warning.
/// </summary>
internal sealed class KeyEncryption
{
    private readonly IReadOnlyDictionary<int, byte[]> _keys;

    public KeyEncryption(IConfiguration configuration, IHostEnvironment environment, DataDirectory data, ILogger<KeyEncryption> log)
    {
        var configured = configuration.GetSection("Security:EncryptionKeys").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture), c => Convert.FromBase64String(c.Value!));
        if (configured.Count == 0)
        {
            if (environment.IsProduction())
                throw new InvalidOperationException("Security:EncryptionKeys is not set. In production set Security__EncryptionKeys__1 to base64 of 32 random bytes (openssl rand -base64 32).");
            configured = DevelopmentKeys(data, log);
        }
        foreach (var (version, key) in configured)
            if (key.Length != 32) throw new InvalidOperationException($"Security:EncryptionKeys:{version} must be 32 bytes (base64 of 32 random bytes).");
        _keys = configured;
        ActiveVersion = configuration.GetValue<int?>("Security:ActiveKeyVersion") ?? configured.Keys.Max();
        if (!_keys.ContainsKey(ActiveVersion)) throw new InvalidOperationException($"Security:ActiveKeyVersion {ActiveVersion} has no key in Security:EncryptionKeys.");
    }

    public int ActiveVersion { get; }

    public Sealed Encrypt(string plaintext, string associatedData)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[input.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(_keys[ActiveVersion], tag.Length);
        aes.Encrypt(nonce, input, output, tag, Encoding.UTF8.GetBytes(associatedData));
        return new Sealed(Convert.ToBase64String(output), Convert.ToBase64String(nonce), Convert.ToBase64String(tag), ActiveVersion);
    }

    public string Decrypt(Sealed value, string associatedData)
    {
        if (!_keys.TryGetValue(value.KeyVersion, out var key))
            throw new CryptographicException($"No master key version {value.KeyVersion} is configured.");
        var input = Convert.FromBase64String(value.Ciphertext);
        var output = new byte[input.Length];
        var tag = Convert.FromBase64String(value.Tag);
        using var aes = new AesGcm(key, tag.Length);
        aes.Decrypt(Convert.FromBase64String(value.Nonce), input, tag, output, Encoding.UTF8.GetBytes(associatedData));
        return Encoding.UTF8.GetString(output);
    }

    private static Dictionary<int, byte[]> DevelopmentKeys(DataDirectory data, ILogger log)
    {
        var file = data.File("encryption-keys.json");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        log.LogWarning("Security:EncryptionKeys is not set; API keys are encrypted with a generated development key in {File}. Set one for production.", file);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!
            .ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => Convert.FromBase64String(p.Value));
    }
}

internal sealed record Sealed(string Ciphertext, string Nonce, string Tag, int KeyVersion);
