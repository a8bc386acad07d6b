using System.Security.Cryptography;
using System.Text;
using Contracts.Identity;
using IntegrationTests.Upwork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Identity.Security;
using Modules.Identity.Features.ManageApiKeys;
using Modules.Upwork.Data;
using Modules.Upwork.Features.ManageAlertChannels;
using Modules.Upwork.Features.ReceiveWebhook;

namespace IntegrationTests.Host;

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
            totpSecret = OtpNet.Base32Encoding.ToBytes(setup.Data.As<TwoFactorSetup>().ManualKey.Replace(" ", ""));
            (await user.Http.PostAsJsonAsync("/api/v1/identity/mfa/enable", new { code = new OtpNet.Totp(totpSecret).ComputeTotp(DateTime.UtcNow) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using (var during = new AppFactory(DatabaseKind.Sqlite, Settings(database, ("1", Key1), ("2", Key2))))
        {
            await during.StartAsync();
            var report = await Modules.Identity.IdentityModule.RotateEncryptionKeysAsync(during.Services);
            report.Columns.Where(c => c.Column is IdentitySealedColumns.ApiKeys or IdentitySealedColumns.MfaSecrets).Sum(c => c.Resealed)
                .ShouldBe(2, "one API key and one authenticator secret");
            report.Columns.Single(c => c.Column == KeyRingSealedColumns.KeyRing).Resealed.ShouldBeGreaterThan(0, "and the data-protection key ring");
            (await Modules.Identity.IdentityModule.RotateEncryptionKeysAsync(during.Services)).Resealed.ShouldBe(0, "rotation is idempotent");
            await using var db = await during.CreateDbContextAsync();
            (await db.Set<Modules.Identity.Data.StoredApiKey>().SingleAsync()).KeyVersion.ShouldBe(2);
        }

        await using var after = new AppFactory(DatabaseKind.Sqlite, Settings(database, ("2", Key2)));
        await after.StartAsync();
        (await after.Services.GetRequiredService<IApiKeyVault>().GetAsync(userId, "openai", default))!.ApiKey.ShouldBe("sk-rotate-me-0000-1111");
        var client = after.CreateClient();
        var challenge = (await Envelope.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }))).Data.As<TwoFactorChallenge>().ChallengeToken;
        var code = new OtpNet.Totp(totpSecret).ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        (await client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { challengeToken = challenge, code })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The app on SQLite with master key version 1, pointed at the fake Upwork server.</summary>
    private sealed class RotationHarness(string database) : UpworkHarness
    {
        protected override DatabaseKind Database => DatabaseKind.Sqlite;

        protected override IDictionary<string, string?> ExtraSettings => WithChannels(Settings(database, ("1", Key1)));
    }

    /// <summary>
    /// The attack on the old code: rotate to version 2, remove version 1 as the README says, and the Upwork tokens,
    /// webhook secrets and alert-channel targets (never re-sealed) no longer open. Now every registered column is re-sealed.
    /// </summary>
    [Fact]
    public async Task Rotation_re_seals_Upwork_tokens_webhook_secrets_and_alert_channels_so_version_1_can_go()
    {
        var folder = TestEnvironment.NewTempDirectory("ua-rotation-upwork");
        var database = $"Data Source={Path.Combine(folder, "rotation.db")};Pooling=False";
        await using var receivers = await FakeReceivers.StartAsync();
        var harness = new RotationHarness(database);
        await ((IAsyncLifetime)harness).InitializeAsync();
        try
        {
            var keyword = "rot" + Guid.NewGuid().ToString("N")[..8];
            var user = await harness.ConnectedUserWithSearchAsync(keyword);
            var source = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/webhook-sources", new { name = "feed" }));
            var (secret, path) = (source.Data.As<WebhookSourceCreated>().Secret, source.Data.As<WebhookSourceCreated>().Path);
            (await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels",
                new { kind = "webhook", name = "n8n", target = receivers.BaseUrl + "/hook", secret = "whsec_rotate" })).StatusCode.ShouldBe(HttpStatusCode.Created);

            IDictionary<string, string?> AppSettings(params (string Version, string Key)[] keys)
            {
                var settings = harness.FakeSettings();
                foreach (var (k, v) in WithChannels(Settings(database, keys))) settings[k] = v;
                return settings;
            }

            await using (var during = await harness.CreateAppAsync(AppSettings(("1", Key1), ("2", Key2)), DatabaseKind.Sqlite))
            {
                var report = await Modules.Identity.IdentityModule.RotateEncryptionKeysAsync(during.Services);
                report.ActiveVersion.ShouldBe(2);
                var columns = report.Columns.ToDictionary(c => c.Column);
                foreach (var column in new[] { UpworkSealedColumns.AccessTokens, UpworkSealedColumns.RefreshTokens, UpworkSealedColumns.WebhookSecrets,
                             UpworkSealedColumns.ChannelTargets, UpworkSealedColumns.ChannelSecrets })
                    columns[column].Resealed.ShouldBe(1, column);
                report.Columns.ShouldAllBe(c => c.RemainingOnOldVersions == 0 && c.OldVersionsLeft.Count == 0);
            }

            await using var after = await harness.CreateAppAsync(AppSettings(("2", Key2)), DatabaseKind.Sqlite);
            var again = await Modules.Identity.IdentityModule.RotateEncryptionKeysAsync(after.Services);
            again.Resealed.ShouldBe(0, "everything is already on version 2");
            again.Columns.ShouldAllBe(c => c.RemainingOnOldVersions == 0, "zero values on version 1 in every registered column");
            again.Columns.Single(c => c.Column == UpworkSealedColumns.AccessTokens).Total.ShouldBe(1);

            // The Upwork token refreshes with version 1 gone: expire the access token so the next sync must refresh it.
            await using (var db = await after.CreateDbContextAsync())
                await db.Set<UpworkConnection>().Where(c => c.UserId == user.UserId)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.AccessTokenExpiresAt, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            var job = harness.Inject(keyword);
            await harness.SyncAsync(user.UserId, app: after);
            await using (var db = await after.CreateDbContextAsync())
            {
                var connection = await db.Set<UpworkConnection>().AsNoTracking().SingleAsync(c => c.UserId == user.UserId);
                connection.Status.ShouldBe(ConnectionStatus.Active);
                connection.RefreshedAt.ShouldNotBeNull("the refresh token (re-sealed) opened under version 2 and Upwork accepted it");
            }

            // The alert channel delivers (its target and signing secret open under version 2).
            (await after.Services.GetRequiredService<DeliverAlerts>().RunAsync(CancellationToken.None)).ShouldBe(1);
            var hook = receivers.Received.Single(r => r.Path == "/hook");
            hook.Body.ShouldContain(job.Title);
            hook.Signature.ShouldBe("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_rotate"), Encoding.UTF8.GetBytes(hook.Body))));

            // The webhook source still verifies signatures.
            var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
            {
                id = "evt_" + Guid.NewGuid().ToString("N"), type = "job.created", timestamp = DateTimeOffset.UtcNow,
                data = new { id = "ext-" + Guid.NewGuid().ToString("N"), title = "After rotation", description = "From a partner feed", jobType = "hourly" },
            }));
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("X-Signature-256", ReceiveWebhook.Sign(secret, bytes));
            var received = await after.CreateClient().SendAsync(request);
            received.IsSuccessStatusCode.ShouldBeTrue(await received.Content.ReadAsStringAsync());
        }
        finally
        {
            await ((IAsyncLifetime)harness).DisposeAsync();
        }
    }

    /// <summary>Alert channels may target the local fake receiver.</summary>
    private static Dictionary<string, string?> WithChannels(Dictionary<string, string?> settings)
    {
        settings["Upwork:Channels:AllowPrivateTargets"] = "true";
        settings["Upwork:Channels:RetryBaseDelay"] = "00:00:00";
        return settings;
    }

    private static Dictionary<string, string?> Settings(string database, params (string Version, string Key)[] keys)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = database, ["Security:ActiveKeyVersion"] = keys.Max(k => k.Version) };
        foreach (var (version, key) in keys) settings[$"Security:EncryptionKeys:{version}"] = key;
        return settings;
    }
}
