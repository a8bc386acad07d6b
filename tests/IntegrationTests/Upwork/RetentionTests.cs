using Modules.Ai.Writing;
using System.Data.Common;
using System.Text;
using FakeUpwork;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Modules.Ai.Data;
using Modules.Ai.Features.RedactJobText;
using Modules.Ai.Features.WriteCoverLetter;
using Modules.Upwork.Data;
using Modules.Upwork.Features.ManageAlertChannels;
using Modules.Upwork.Features.PurgeExpiredJobPostings;
using Modules.Upwork.Features.ReceiveWebhook;
using Modules.Upwork.Features.SaveJobs;
using Modules.Upwork.Features.TrackProposals;

namespace IntegrationTests.Upwork;

/// <summary>
/// Upwork's 24-hour rule on every copy (docs/data-retention.md): a job whose title and description carry unique
/// sentinels goes through everything that copies it, the clock moves past 24 hours, the purge and the sweeps run, and
/// every column of every table is searched for the sentinels.
/// </summary>
public abstract class RetentionTests : IAsyncLifetime
{
    private readonly RetentionHarness _harness;
    private FakeReceivers _receivers = null!;

    protected RetentionTests(DatabaseKind database) => _harness = new RetentionHarness(database);

    private sealed class RetentionHarness(DatabaseKind database) : UpworkHarness
    {
        public ShiftedClock Clock { get; } = new();

        protected override DatabaseKind Database => database;

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Upwork:Channels:AllowPrivateTargets"] = "true",
            ["Upwork:Channels:RetryBaseDelay"] = "00:00:00",
            ["Ai:ProviderOrder"] = "offline",
            ["Ai:SemanticMatching"] = "false",
        };

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }

    public async Task InitializeAsync()
    {
        _receivers = await FakeReceivers.StartAsync();
        await ((IAsyncLifetime)_harness).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_harness).DisposeAsync();
        await _receivers.DisposeAsync();
    }

    [Fact]
    public async Task After_24_hours_no_table_holds_the_jobs_text_and_only_saved_and_submitted_references_keep_its_title()
    {
        var keyword = "ret" + Guid.NewGuid().ToString("N")[..8];
        var titleSentinel = "zqtitle" + Guid.NewGuid().ToString("N")[..10];
        var descriptionSentinel = "zqdesc" + Guid.NewGuid().ToString("N")[..10];
        var ownSentinel = "zqown" + Guid.NewGuid().ToString("N")[..10];
        var app = _harness.App;
        _harness.Fake.State.UpdateClient(FakeUpworkOptions.DefaultClientId, c => c.Scopes.Add(FakeScopes.SubmitProposal));
        var drafter = await _harness.ConnectedUserWithSearchAsync(keyword);
        var sender = await _harness.ConnectedUserWithSearchAsync(keyword);
        (await drafter.Http.PostAsJsonAsync("/api/v1/upwork/alert-channels", new { kind = "webhook", name = "hook", target = _receivers.BaseUrl + "/hook", secret = "whsec_r" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var fake = _harness.Inject(keyword, j =>
        {
            j.Title = $"{keyword} {titleSentinel} dashboard build";
            j.Description = $"We need a dashboard. {descriptionSentinel} Details follow in chat.";
        });
        await _harness.SyncAsync(drafter.UserId);
        await _harness.SyncAsync(sender.UserId);
        var jobId = (await _harness.StoredJobsAsync([fake.Id])).Single().Id;

        // The alert, to the bell and through a channel.
        (await drafter.Http.GetEnvelopeAsync("/api/v1/upwork/notifications")).Data.As<AlertList>().Unread.ShouldBeGreaterThan(0);
        (await app.Services.GetRequiredService<DeliverAlerts>().RunAsync(CancellationToken.None)).ShouldBeGreaterThan(0);
        _receivers.Received.ShouldContain(r => r.Path == "/hook" && r.Body.Contains(titleSentinel));

        // Analysis, a letter (the offline writer quotes the title), the letter being edited, a draft, saves.
        (await drafter.Http.PostAsJsonAsync("/api/v1/ai/analyze-job", new { jobPostingId = jobId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var written = await Envelope.ReadAsync(await drafter.Http.PostAsJsonAsync("/api/v1/ai/generate-cover-letter", new { jobPostingId = jobId }));
        written.Status.ShouldBe(HttpStatusCode.OK, written.Root.GetRawText());
        var letter = written.Data.As<Letter>().Text;
        letter.ShouldContain(titleSentinel);
        await app.Services.GetRequiredService<LetterDrafts>().SaveAsync(drafter.UserId, jobId, letter + "\nEdited by me.", CancellationToken.None);
        var draftId = (await Envelope.ReadAsync(await drafter.Http.PostAsJsonAsync("/api/v1/upwork/proposals", new { jobPostingId = jobId, coverLetter = letter })))
            .Data.As<Created>().Id;
        (await drafter.Http.PostAsync($"/api/v1/upwork/jobs/{jobId}/save", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sender.Http.PostAsync($"/api/v1/upwork/jobs/{jobId}/save", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A proposal sent through Upwork, by the teammate the drafter hands the job to (tracking it claimed it for the drafter).
        (await drafter.Http.DeleteAsync($"/api/v1/upwork/jobs/{jobId}/claim")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sentId = (await Envelope.ReadAsync(await sender.Http.PostAsJsonAsync("/api/v1/upwork/proposals",
            new { jobPostingId = jobId, coverLetter = $"About \"{fake.Title}\": I built three of these.", bidAmount = 40, connectsSpent = 8 }))).Data.As<Created>().Id;
        var submitted = await Envelope.ReadAsync(await sender.Http.PostAsJsonAsync($"/api/v1/upwork/proposals/{sentId}/submit", new { confirm = true }));
        submitted.Status.ShouldBe(HttpStatusCode.OK, submitted.Root.GetRawText());

        // A webhook and a paste naming the same Upwork job converge on its row (docs/data-retention.md: the stricter reading).
        var source = await Envelope.ReadAsync(await drafter.Http.PostAsJsonAsync("/api/v1/upwork/webhook-sources", new { name = "extension" }));
        var hook = await PostSignedAsync(app.CreateClient(), source.Data.As<WebhookSourceCreated>().Path, source.Data.As<WebhookSourceCreated>().Secret, new
        {
            id = "evt_" + Guid.NewGuid().ToString("N"), type = "job.created", timestamp = _harness.Clock.GetUtcNow(),
            data = new { id = "ext-1", title = fake.Title, description = fake.Description + " (via webhook)", jobType = "hourly", url = $"https://www.upwork.com/jobs/~02{fake.Id}", skills = Array.Empty<string>() },
        });
        hook.Status.ShouldBe(HttpStatusCode.OK, hook.Root.GetRawText());
        (await _harness.StoredJobsAsync([fake.Id])).Single().Id.ShouldBe(jobId);
        var pasted = await Envelope.ReadAsync(await drafter.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste",
            new { url = $"https://www.upwork.com/jobs/~02{fake.Id}", upworkJobId = fake.Id, title = fake.Title, description = fake.Description + " (pasted)" }));
        pasted.Data.As<Created>().Id.ShouldBe(jobId);
        // The user's own job (no Upwork id) stays: it also shows the scan finds what is there.
        var ownId = (await Envelope.ReadAsync(await drafter.Http.PostAsJsonAsync("/api/v1/upwork/jobs/paste",
            new { title = $"My own {ownSentinel} lead", description = $"Met at a meetup, {ownSentinel}." }))).Data.As<Created>().Id;

        // Before: the sentinels are everywhere.
        (await ScanModelAsync(descriptionSentinel)).Count.ShouldBeGreaterThan(0);

        _harness.Clock.Advance(TimeSpan.FromHours(25));
        (await app.Services.GetRequiredService<PurgeExpiredJobPostings>().RunAsync(CancellationToken.None)).ShouldBe(1);
        await app.Services.GetRequiredService<RedactJobText>().SweepAsync(CancellationToken.None);

        // Every column of every table in the model, then every table in the database (what the model does not map too).
        (await ScanModelAsync(descriptionSentinel)).ShouldBeEmpty();
        (await ScanDatabaseAsync(descriptionSentinel)).ShouldBeEmpty();
        string[] allowed = [Column("proposals", "job_title"), Column("saved_jobs", "job_title")];
        (await ScanModelAsync(titleSentinel)).ShouldBe(allowed, ignoreOrder: true);
        (await ScanDatabaseAsync(titleSentinel)).ShouldBe(allowed, ignoreOrder: true);
        (await ScanModelAsync(ownSentinel)).ShouldContain(Column("jobs", "description"));
        (await ScanDatabaseAsync(ownSentinel)).ShouldContain(Column("jobs", "description"));
        if (app.Database == DatabaseKind.Sqlite)
        {
            (await FtsTermsAsync(titleSentinel)).ShouldBe(0);
            (await FtsTermsAsync(descriptionSentinel)).ShouldBe(0);
            (await FtsTermsAsync(ownSentinel)).ShouldBeGreaterThan(0);
        }

        // What the users see: references on the sent proposal and saved jobs, the draft's letter without the job.
        var proposals = app.Services.GetRequiredService<ManageProposals>();
        var sent = (await proposals.GetAsync(sender.UserId, sentId, CancellationToken.None))!;
        sent.JobDetailsExpired.ShouldBeTrue();
        sent.JobTitle.ShouldContain(titleSentinel);
        sent.JobUrl.ShouldBe($"https://www.upwork.com/jobs/~02{fake.Id}");
        sent.UpworkJobId.ShouldBe(fake.Id);
        sent.CoverLetter.ShouldBe("About \"[job title]\": I built three of these.");
        var draft = (await proposals.GetAsync(drafter.UserId, draftId, CancellationToken.None))!;
        draft.JobDetailsExpired.ShouldBeTrue();
        draft.JobTitle.ShouldBeEmpty();
        draft.JobUrl.ShouldBeNull();
        draft.CoverLetter!.ShouldContain("[job title]");
        var saved = (await app.Services.GetRequiredService<SavedJobs>().ListAsync(drafter.UserId, CancellationToken.None)).Single();
        saved.DetailsExpired.ShouldBeTrue();
        saved.Note.ShouldBe(ProposalDto.ExpiredNote);
        saved.Url.ShouldBe($"https://www.upwork.com/jobs/~02{fake.Id}");
        await using var db = await app.CreateDbContextAsync();
        var generation = await db.Set<Generation>().AsNoTracking().SingleAsync(g => g.UserId == drafter.UserId && g.JobPostingId == jobId);
        generation.Prompt.ShouldContain($"<job_description>{RedactJobText.Removed}</job_description>");
        generation.Response.ShouldContain(RedactJobText.TitlePlaceholder);
        (await db.Set<JobPosting>().AnyAsync(j => j.Id == ownId)).ShouldBeTrue();

        // Running everything again changes nothing (idempotent).
        (await app.Services.GetRequiredService<PurgeExpiredJobPostings>().RunAsync(CancellationToken.None)).ShouldBe(0);
        (await app.Services.GetRequiredService<RedactJobText>().SweepAsync(CancellationToken.None)).ShouldBe(0);
    }

    private string Column(string table, string column) =>
        _harness.App.Database == DatabaseKind.Postgres ? $"upwork.{table}.{column}" : $"upwork_{table}.{column}";

    /// <summary>
    /// Every column of every table the EF model maps (string columns and lists of strings, so future tables are covered),
    /// read as text: "table.column" for each that holds <paramref name="needle"/>.
    /// </summary>
    private async Task<List<string>> ScanModelAsync(string needle)
    {
        await using var db = await _harness.App.CreateDbContextAsync();
        var columns = new List<(string Table, string Column)>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table) continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var qualified = db.Database.IsNpgsql() && entity.GetSchema() is { } schema ? $"{schema}.{table}" : table;
            foreach (var property in entity.GetProperties())
            {
                var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
                if (type != typeof(string) && !typeof(IEnumerable<string>).IsAssignableFrom(type)) continue;
                if (property.GetColumnName(store) is { } column) columns.Add((qualified, column));
            }
        }
        columns.Count.ShouldBeGreaterThan(50);
        return await HitsAsync(db, columns.Distinct().ToList(), needle);
    }

    /// <summary>Every column of every table in the database, mapped or not (Quartz, FTS5, partitions…), read as text.</summary>
    private async Task<List<string>> ScanDatabaseAsync(string needle)
    {
        await using var db = await _harness.App.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var columns = new List<(string Table, string Column)>();
        if (_harness.App.Database == DatabaseKind.Postgres)
        {
            // Partitions are read through their parent; a tsvector holds stemmed words, so its source columns are what count.
            foreach (var row in await QueryAsync(connection, """
                SELECT c.table_schema || '.' || c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.data_type <> 'tsvector'
                  AND NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class k ON k.oid = i.inhrelid JOIN pg_namespace n ON n.oid = k.relnamespace
                                  WHERE n.nspname = c.table_schema AND k.relname = c.table_name)
                """))
                columns.Add((row[0], row[1]));
        }
        else
        {
            foreach (var table in (await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'")).Select(r => r[0]))
                foreach (var row in await QueryAsync(connection, $"SELECT name FROM pragma_table_info('{table}')"))
                    columns.Add((table, row[0]));
        }
        columns.Count.ShouldBeGreaterThan(50);
        return await HitsAsync(db, columns, needle);
    }

    private static async Task<List<string>> HitsAsync(DbContext db, List<(string Table, string Column)> columns, string needle)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var postgres = db.Database.IsNpgsql();
        var hits = new List<string>();
        foreach (var (table, column) in columns)
        {
            var from = postgres ? string.Join('.', table.Split('.').Select(p => $"\"{p}\"")) : $"\"{table}\"";
            var text = postgres ? $"CAST(\"{column}\" AS text)" : $"CAST(\"{column}\" AS TEXT)";
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {from} WHERE {text} LIKE @needle";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@needle";
            parameter.Value = "%" + needle + "%";
            command.Parameters.Add(parameter);
            if (Convert.ToInt64(await command.ExecuteScalarAsync()) > 0) hits.Add($"{table}.{column}");
        }
        return hits;
    }

    /// <summary>Terms in the SQLite full-text index (its own storage, not the jobs table) containing <paramref name="needle"/>.</summary>
    private async Task<long> FtsTermsAsync(string needle)
    {
        await using var db = await _harness.App.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, 'upwork_jobs_fts', 'row')";
        await create.ExecuteNonQueryAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM temp.fts_terms WHERE term LIKE '%{needle}%'";
        return Convert.ToInt64(await count.ExecuteScalarAsync());
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
        return rows;
    }

    private static async Task<Envelope> PostSignedAsync(HttpClient client, string path, string secret, object body)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Signature-256", ReceiveWebhook.Sign(secret, bytes));
        return await Envelope.ReadAsync(await client.SendAsync(request));
    }
}

public sealed class RetentionOnPostgresTests() : RetentionTests(DatabaseKind.Postgres);

public sealed class RetentionOnSqliteTests() : RetentionTests(DatabaseKind.Sqlite);
