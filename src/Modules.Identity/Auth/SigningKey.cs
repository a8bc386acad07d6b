using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Modules.Identity.Auth;

/// <summary>
/// The access-token signing key: <c>Auth:JwtSigningKey</c>, or in Development a random key generated once into the
/// data folder (with a warning). Production refuses to start without one.
/// </summary>
internal static class SigningKey
{
    public static SymmetricSecurityKey Resolve(AuthOptions options, IHostEnvironment environment, DataDirectory data, ILogger log)
    {
        if (!string.IsNullOrWhiteSpace(options.JwtSigningKey))
        {
            var bytes = Encoding.UTF8.GetBytes(options.JwtSigningKey);
            if (bytes.Length < 32) throw new InvalidOperationException("Auth:JwtSigningKey must be at least 32 bytes long.");
            return new SymmetricSecurityKey(bytes);
        }
        if (environment.IsProduction())
            throw new InvalidOperationException("Auth:JwtSigningKey is not set. Set Auth__JwtSigningKey to a random secret of at least 32 bytes.");

        var file = data.File("jwt-signing.key");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        log.LogWarning("Auth:JwtSigningKey is not set; using a generated development key in {File}. Set one for production.", file);
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }
}
