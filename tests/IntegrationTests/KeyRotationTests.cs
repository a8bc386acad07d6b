using Contracts.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests;

public sealed class KeyRotationTests
{
    private static readonly string Key1 = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string Key2 = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task Rotation_re_encrypts_every_key_under_the_new_master_key_and_the_old_one_can_then_go()
    {
        var folder = TestEnvironment.NewTempDirectory("ua-rotation");
        var database = $"Data Source={Path.Combine(folder, "rotation.db")};Pooling=False";
        Guid userId;
        string email, password;
        byte[] totpSecret;
        await using (var before = new AppFactory(DatabaseKind.Sqlite, Settings(database, ("1", Key1))))
        {
            await before.StartAsync();
            var user = await before.CreateSignedInClientAsync();
            (userId, email, password) = (user.UserId, user.Email, user.Password);
            (await user.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "openai", apiKey = "sk-rotate-me-0000-1111" })).StatusCode.ShouldBe(HttpStatusCode.Created);
            var setup = await Envelope.ReadAsync(await user.Http.PostAsync("/api/v1/identity/mfa/setup", null));
            totpSecret = OtpNet.Base32Encoding.ToBytes(setup.Data.GetProperty("manualKey").GetString()!.Replace(" ", ""));
            (await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/enable", new { code = new OtpNet.Totp(totpSecret).ComputeTotp(DateTime.UtcNow) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using (var during = new AppFactory(DatabaseKind.Sqlite, Settings(database, ("1", Key1), ("2", Key2))))
        {
            await during.StartAsync();
            (await Modules.Identity.IdentityModule.RotateEncryptionKeysAsync(during.Services)).ShouldBe(2, "one API key and one authenticator secret");
            (await Modules.Identity.IdentityModule.RotateEncryptionKeysAsync(during.Services)).ShouldBe(0, "rotation is idempotent");
            await using var db = await during.CreateDbContextAsync();
            (await db.Set<Modules.Identity.Data.StoredApiKey>().SingleAsync()).KeyVersion.ShouldBe(2);
        }

        await using var after = new AppFactory(DatabaseKind.Sqlite, Settings(database, ("2", Key2)));
        await after.StartAsync();
        (await after.Services.GetRequiredService<IApiKeyVault>().GetAsync(userId, "openai", default))!.ApiKey.ShouldBe("sk-rotate-me-0000-1111");
        var client = after.CreateClient();
        var challenge = (await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }))).Data.GetProperty("challengeToken").GetString();
        var code = new OtpNet.Totp(totpSecret).ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        (await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Dictionary<string, string?> Settings(string database, params (string Version, string Key)[] keys)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = database, ["Security:ActiveKeyVersion"] = keys.Max(k => k.Version) };
        foreach (var (version, key) in keys) settings[$"Security:EncryptionKeys:{version}"] = key;
        return settings;
    }
}
