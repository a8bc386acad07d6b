using System.Data.Common;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests;

public sealed class PostgresPrivacyTests(PostgresApp fixture) : PrivacyTests(fixture), IClassFixture<PostgresApp>;

public sealed class SqlitePrivacyTests(SqliteApp fixture) : PrivacyTests(fixture), IClassFixture<SqliteApp>;

/// <summary>GDPR: export holds everything (and no secret); erasure leaves no row anywhere that points to the user.</summary>
public abstract class PrivacyTests(AppFixture fixture)
{
    private AppFactory App => fixture.App;

    [Fact]
    public async Task The_export_is_a_zip_with_every_modules_data_and_no_secret()
    {
        var user = await ArrangeUserWithDataAsync();

        var response = await user.Http.GetAsync("/api/v1/identity/export");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var files = zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        files.Keys.ShouldBe(["account.json", "freelancer-profiles.json", "sessions.json", "usage.json", "security-events.json", "api-keys.json", "ai-generations.json", "analytics-proposal-facts.json", "upwork.json", "README.txt"], ignoreOrder: true);
        files["account.json"].ShouldContain(user.Email);
        files["freelancer-profiles.json"].ShouldContain("Privacy-minded engineer");
        files["upwork.json"].ShouldContain("Dear privacy client");          // the proposal's cover letter
        files["upwork.json"].ShouldContain("Privacy search");
        files["upwork.json"].ShouldNotContain("hooks.slack.com");           // a channel's sealed target stays out
        files["ai-generations.json"].ShouldContain("Dear client, I can help");
        files["ai-generations.json"].ShouldContain("Half-written letter");      // the letter being edited, kept on the server
        files["api-keys.json"].ShouldContain("sk-…9876");
        string.Concat(files.Values).ShouldNotContain("SECRET-PART");
        string.Concat(files.Values).ShouldNotContain("PasswordHash", Case.Insensitive);
    }

    [Fact]
    public async Task Erasure_needs_the_password_then_leaves_no_row_in_any_table_that_references_the_user()
    {
        var user = await ArrangeUserWithDataAsync();
        var other = await App.CreateSignedInClientAsync();

        var wrong = await Envelope.ReadAsync(await user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/identity/account") { Content = JsonContent.Create(new { password = "Not!ThePassw0rd" }) }));
        wrong.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await CountReferencesAsync(user.UserId)).ShouldBeGreaterThan(5);

        var erased = await Envelope.ReadAsync(await user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/identity/account") { Content = JsonContent.Create(new { password = user.Password }) }));

        erased.Status.ShouldBe(HttpStatusCode.OK);
        (await CountReferencesAsync(user.UserId)).ShouldBe(0);
        (await CountReferencesAsync(other.UserId)).ShouldBeGreaterThan(0, "other users are untouched");
        (await App.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = user.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await user.Http.GetAsync("/api/v1/auth/profile")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<SignedInClient> ArrangeUserWithDataAsync()
    {
        var user = await App.CreateSignedInClientAsync();
        await user.Http.PostAsJsonAsync("/api/v1/identity/keys", new { provider = "openai", apiKey = "sk-SECRET-PART-0000-9876" });
        await user.Http.PostAsJsonAsync("/api/v1/identity/profiles", new { title = "Privacy-minded engineer", skills = new[] { "GDPR" } });
        await user.Http.PostAsJsonAsync("/api/v1/auth/login", new { email = user.Email, password = "wrong" });
        await user.Http.PostAsJsonAsync("/api/v1/upwork/saved-searches", new { name = "Privacy search", query = "gdpr", alertsEnabled = true });
        var job = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste", new { title = $"Pasted privacy job {Guid.NewGuid():N}" }));
        var jobId = job.Data.GetProperty("id").GetGuid();
        var proposal = await Envelope.ReadAsync(await user.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId, coverLetter = "Dear privacy client" }));
        await user.Http.PutAsJsonAsync($"/api/v1/upwork/proposals/{proposal.Data.GetProperty("id").GetGuid()}", new { jobPostingId = jobId, status = "submitted" });
        await user.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "slack", name = "Privacy channel", target = "https://hooks.slack.com/services/T000/B000/XXXX" });
        await App.Services.GetRequiredService<Contracts.Identity.IUsageQuota>().TryConsumeAsync(user.UserId, Contracts.Identity.QuotaFeatures.AiGeneration, default);
        await using var db = await App.CreateDbContextAsync();
        db.Set<Modules.Ai.Data.Generation>().Add(new Modules.Ai.Data.Generation
        {
            Id = Guid.NewGuid(), UserId = user.UserId, Prompt = "Write a letter", Response = "Dear client, I can help", Provider = "offline", Model = "built-in", CreatedAt = DateTimeOffset.UtcNow,
        });
        db.Set<Modules.Ai.Data.LetterDraft>().Add(new Modules.Ai.Data.LetterDraft { UserId = user.UserId, JobPostingId = Guid.NewGuid(), Text = "Half-written letter", UpdatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Rows in every table of every module whose any column holds the user's id (any Guid format).</summary>
    private async Task<int> CountReferencesAsync(Guid userId)
    {
        await using var db = await App.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = fixture.Database == DatabaseKind.Postgres
                ? "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('identity','upwork','ai','analytics') AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__ef%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        tables.Count.ShouldBeGreaterThan(10);
        var needles = new[] { userId.ToString("D"), userId.ToString("N") };
        var count = 0;
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM {table}";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                if (RowMentions(reader, needles)) count++;
        }
        return count;
    }

    private static bool RowMentions(DbDataReader row, string[] needles)
    {
        for (var i = 0; i < row.FieldCount; i++)
        {
            if (row.IsDBNull(i)) continue;
            var text = Convert.ToString(row.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (row.GetValue(i) is byte[] bytes) text = System.Text.Encoding.UTF8.GetString(bytes);
            if (needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }
}
