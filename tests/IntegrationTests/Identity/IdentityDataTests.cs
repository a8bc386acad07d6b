using Contracts.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Identity;

public sealed class PostgresIdentityDataTests(PostgresApp fixture) : IdentityDataTests(fixture), IClassFixture<PostgresApp>;

public sealed class SqliteIdentityDataTests(SqliteApp fixture) : IdentityDataTests(fixture), IClassFixture<SqliteApp>;

/// <summary>Plans and quota, encrypted API keys and freelancer profiles, with ownership on every id route.</summary>
public abstract class IdentityDataTests(AppFixture fixture)
{
    private AppFactory App => fixture.App;

    [Fact]
    public async Task The_free_plan_allows_five_generations_a_month_and_refuses_the_sixth_with_a_reason()
    {
        var user = await App.CreateSignedInClientAsync();
        var quota = App.Services.GetRequiredService<IUsageQuota>();

        var decisions = new List<QuotaDecision>();
        for (var i = 0; i < 6; i++) decisions.Add(await quota.TryConsumeAsync(user.UserId, QuotaFeatures.AiGeneration, default));
        var usage = await user.Http.GetEnvelopeAsync("/api/v1/identity/usage");

        decisions.Take(5).ShouldAllBe(d => d.Allowed);
        decisions[4].Used.ShouldBe(5);
        decisions[5].Allowed.ShouldBeFalse();
        decisions[5].Reason!.ShouldContain("free plan includes 5 AI generations a month");
        var shown = usage.Data.As<Contracts.Identity.QuotaUsage>();
        shown.Used.ShouldBe(5);
        shown.Limit.ShouldBe(5);
        shown.Plan.ShouldBe("free");
    }

    [Fact]
    public async Task Concurrent_generations_never_exceed_the_limit()
    {
        var user = await App.CreateSignedInClientAsync();
        var quota = App.Services.GetRequiredService<IUsageQuota>();
        await quota.TryConsumeAsync(user.UserId, QuotaFeatures.AiGeneration, default);   // the month's counter exists

        var decisions = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => quota.TryConsumeAsync(user.UserId, QuotaFeatures.AiGeneration, default))));

        decisions.Count(d => d.Allowed).ShouldBe(4);
        (await quota.GetUsageAsync(user.UserId, QuotaFeatures.AiGeneration, default)).Used.ShouldBe(5);
    }

    [Fact]
    public async Task A_key_is_stored_encrypted_shown_masked_and_decrypted_only_for_its_owner()
    {
        var alice = await App.CreateSignedInClientAsync();
        var bob = await App.CreateSignedInClientAsync();
        const string secret = "sk-proj-ABCDEFGHIJKLMNOPQRSTUVWXYZ123456abcd";

        var saved = await Envelope.ReadAsync(await alice.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "openai", apiKey = secret }));
        var listed = await alice.Http.GetStringAsync("/api/v1/identity/keys");
        var vault = App.Services.GetRequiredService<IApiKeyVault>();

        saved.Status.ShouldBe(HttpStatusCode.Created);
        saved.Data.As<ApiKeyView>().Hint.ShouldBe("sk-…abcd");
        listed.ShouldNotContain("ABCDEFGHIJ");
        listed.ShouldContain("sk-…abcd");
        (await vault.GetAsync(alice.UserId, "openai", default))!.ApiKey.ShouldBe(secret);
        (await vault.GetAsync(bob.UserId, "openai", default)).ShouldBeNull();
        (await vault.GetAsync(alice.UserId, "openai", default))!.ToString().ShouldNotContain(secret);
        await using var db = await App.CreateDbContextAsync();
        var row = await db.Set<Modules.Identity.Data.StoredApiKey>().SingleAsync(k => k.UserId == alice.UserId);
        row.Ciphertext.ShouldNotContain("ABCDEFGHIJ");
        Convert.FromBase64String(row.Nonce).Length.ShouldBe(12);
        Convert.FromBase64String(row.Tag).Length.ShouldBe(16);
        row.KeyVersion.ShouldBe(1);
    }

    [Fact]
    public async Task A_ciphertext_moved_to_another_row_does_not_decrypt()
    {
        var alice = await App.CreateSignedInClientAsync();
        var mallory = await App.CreateSignedInClientAsync();
        await alice.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "anthropic", apiKey = "sk-ant-alice-secret-0001" });
        await mallory.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "anthropic", apiKey = "sk-ant-mallory-00000002" });
        await using (var db = await App.CreateDbContextAsync())
        {
            var keys = db.Set<Modules.Identity.Data.StoredApiKey>();
            var victim = await keys.SingleAsync(k => k.UserId == alice.UserId);
            var thief = await keys.SingleAsync(k => k.UserId == mallory.UserId);
            (thief.Ciphertext, thief.Nonce, thief.Tag) = (victim.Ciphertext, victim.Nonce, victim.Tag);
            await db.SaveChangesAsync();
        }

        await Should.ThrowAsync<System.Security.Cryptography.CryptographicException>(() =>
            App.Services.GetRequiredService<IApiKeyVault>().GetAsync(mallory.UserId, "anthropic", default));
    }

    [Fact]
    public async Task Members_fall_back_to_the_workspace_key_only_admins_may_set_one_and_a_users_own_key_wins()
    {
        await using var app = new AppFactory(DatabaseKind.Sqlite);
        await app.StartAsync();
        var admin = await app.CreateSignedInClientAsync();
        var member = await app.CreateSignedInClientAsync();
        var vault = app.Services.GetRequiredService<IApiKeyVault>();

        var refused = await Envelope.ReadAsync(await member.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "openai", apiKey = "sk-member-as-workspace", scope = "workspace" }));
        (await admin.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "openai", apiKey = "sk-workspace-key-9999", scope = "workspace" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var fallback = await vault.GetAsync(member.UserId, "openai", default);
        await member.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "openai", apiKey = "sk-members-own-key-1234" });
        var own = await vault.GetAsync(member.UserId, "openai", default);
        var workspaceKeyId = (await member.Http.GetEnvelopeAsync("/api/v1/identity/keys")).Data.As<IReadOnlyList<ApiKeyView>>()
            .Single(k => k.Scope == "workspace").Id;
        var memberDeletesWorkspaceKey = await member.Http.DeleteAsync($"/api/v1/identity/keys/{workspaceKeyId}");

        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        fallback!.Source.ShouldBe("workspace");
        fallback.ApiKey.ShouldBe("sk-workspace-key-9999");
        own!.Source.ShouldBe("user");
        own.ApiKey.ShouldBe("sk-members-own-key-1234");
        memberDeletesWorkspaceKey.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Key_input_is_validated_field_by_field()
    {
        var user = await App.CreateSignedInClientAsync();

        var envelope = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "openai_compatible", apiKey = "", baseUrl = "ftp://x" }));
        var unknown = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "gemini", apiKey = "k" }));

        envelope.Status.ShouldBe(HttpStatusCode.BadRequest);
        envelope.Errors.Select(e => e.Field).ShouldBe(["apiKey", "baseUrl"], ignoreOrder: true);
        unknown.Errors.ShouldHaveSingleItem().Field.ShouldBe("provider");
    }

    [Fact]
    public async Task A_user_cannot_delete_another_users_key()
    {
        var alice = await App.CreateSignedInClientAsync();
        var bob = await App.CreateSignedInClientAsync();
        var saved = await Envelope.ReadAsync(await alice.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "openai", apiKey = "sk-alice-0000-1111-2222" }));
        var id = saved.Data.As<ApiKeyView>().Id;

        var attempt = await Envelope.ReadAsync(await bob.Http.DeleteAsync($"/api/v1/identity/keys/{id}"));
        var bobsList = await bob.Http.GetEnvelopeAsync("/api/v1/identity/keys");

        attempt.Status.ShouldBe(HttpStatusCode.NotFound);
        bobsList.Data.GetArrayLength().ShouldBe(0);
        (await App.Services.GetRequiredService<IApiKeyVault>().GetAsync(alice.UserId, "openai", default)).ShouldNotBeNull();
        (await alice.Http.DeleteAsync($"/api/v1/identity/keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.Services.GetRequiredService<IApiKeyVault>().GetAsync(alice.UserId, "openai", default)).ShouldBeNull();
    }

    [Fact]
    public async Task Profiles_are_created_read_updated_and_deleted_by_their_owner_only()
    {
        var alice = await App.CreateSignedInClientAsync();
        var bob = await App.CreateSignedInClientAsync();
        var input = new
        {
            title = "Senior Blazor developer", overview = "Ten years of .NET", skills = new[] { "Blazor", "C#", "blazor", " " }, hourlyRate = 85.5m,
            yearsOfExperience = 10, languages = new[] { "English" }, isDefault = false,
            portfolio = new[] { new { title = "Logistics dashboard", url = "https://example.com/case", description = "Live fleet map", skills = new[] { "Blazor" } } },
            sampleLetters = new[] { new { text = "Hi, I built exactly this last year...", won = true } },
        };

        var created = await Envelope.ReadAsync(await alice.Http.PostAsJsonAsync("/api/v1/identity/profiles", input));
        var id = created.Data.As<ProfileView>().Id.ToString();
        var second = await Envelope.ReadAsync(await alice.Http.PostAsJsonAsync("/api/v1/identity/profiles", input with { title = "Data engineer", isDefault = true }));
        var list = await alice.Http.GetEnvelopeAsync("/api/v1/identity/profiles");
        var bobReads = await bob.Http.GetEnvelopeAsync($"/api/v1/identity/profiles/{id}");
        var bobUpdates = await Envelope.ReadAsync(await bob.Http.PutAsJsonAsync($"/api/v1/identity/profiles/{id}", input));
        var bobDeletes = await Envelope.ReadAsync(await bob.Http.DeleteAsync($"/api/v1/identity/profiles/{id}"));
        var contract = await App.Services.GetRequiredService<IFreelancerProfiles>().GetAsync(alice.UserId, Guid.Parse(id!), default);

        created.Status.ShouldBe(HttpStatusCode.Created);
        created.Data.As<ProfileView>().IsDefault.ShouldBeTrue("the first profile is the default");
        created.Data.As<ProfileView>().Skills.ShouldBe(["Blazor", "C#"]);
        var profiles = list.Data.As<IReadOnlyList<ProfileView>>();
        profiles.Select(p => p.Title).ShouldBe(["Data engineer", "Senior Blazor developer"]);
        profiles.Count(p => p.IsDefault).ShouldBe(1);
        bobReads.Status.ShouldBe(HttpStatusCode.NotFound);
        bobUpdates.Status.ShouldBe(HttpStatusCode.NotFound);
        bobDeletes.Status.ShouldBe(HttpStatusCode.NotFound);
        contract!.Portfolio.ShouldHaveSingleItem().Url.ShouldBe("https://example.com/case");
        contract.SampleLetters.ShouldHaveSingleItem().Won.ShouldBeTrue();
        (await App.Services.GetRequiredService<IFreelancerProfiles>().GetAsync(bob.UserId, Guid.Parse(id!), default)).ShouldBeNull();

        (await alice.Http.DeleteAsync($"/api/v1/identity/profiles/{second.Data.As<ProfileView>().Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await alice.Http.GetEnvelopeAsync($"/api/v1/identity/profiles/{id}")).Data.As<ProfileView>().IsDefault.ShouldBeTrue("the remaining profile becomes the default");
    }

    [Fact]
    public async Task Profile_input_errors_name_nested_fields()
    {
        var user = await App.CreateSignedInClientAsync();

        var envelope = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/identity/profiles", new
        {
            title = "", hourlyRate = -5, portfolio = new[] { new { title = "ok", url = "javascript:alert(1)" } },
        }));

        envelope.Status.ShouldBe(HttpStatusCode.BadRequest);
        envelope.Errors.Select(e => e.Field).ShouldBe(["title", "hourlyRate", "portfolio[0].url"], ignoreOrder: true);
    }
}
