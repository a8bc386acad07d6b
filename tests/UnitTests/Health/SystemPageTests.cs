using Bunit;
using Contracts.Upwork;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Modules.Identity.Features.ShowSystemStatus;
using MudBlazor.Services;
using Quartz;
using Shared.Health;

namespace UnitTests.Health;

/// <summary>The admin System page shows what the monitor and the Upwork module report, and says what to do when empty.</summary>
public sealed class SystemPageTests : BunitContext, IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedHealth _health = new();
    private readonly DependencyMonitor _monitor;
    private readonly StubOperations _upwork = new();
    private readonly ServiceProvider _quartz = new ServiceCollection().AddLogging()
        .AddQuartz().BuildServiceProvider();

    public SystemPageTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        _monitor = new DependencyMonitor(_health, _time, NullLogger<DependencyMonitor>.Instance);
        Services.AddSingleton(_monitor);
        Services.AddSingleton(new ShowSystemStatus(_monitor, _quartz.GetRequiredService<ISchedulerFactory>(), _upwork, new NoJobRuns(), _time));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void A_fresh_install_shows_the_database_up_and_says_what_to_do_about_searches_and_jobs()
    {
        var cut = Render<SystemPage>();

        cut.Find("[data-testid=dependency-database]").TextContent.ShouldContain("up");
        cut.Find("[data-testid=system-dependencies]").TextContent.ShouldContain("Redis is not configured");
        cut.Find("[data-testid=outbox-pending]").TextContent.ShouldContain("0 pending");
        cut.Find("[data-testid=system-syncs]").TextContent.ShouldContain("saves one on the Jobs page");
        cut.Find("[data-testid=system-triggers]").TextContent.ShouldContain("Jobs:Enabled");
    }

    [Fact]
    public async Task It_lists_the_backlog_and_each_searchs_last_sync_and_follows_an_outage()
    {
        _upwork.Snapshot = new UpworkOperationsSnapshot(3, 1, _time.GetUtcNow().AddMinutes(2), 1,
            [new SearchSyncStatus(Guid.NewGuid(), "Blazor gigs", Guid.NewGuid(), _time.GetUtcNow().AddMinutes(-5), _time.GetUtcNow().AddMinutes(-15), null, "HTTP 503", 2)]);
        await _monitor.StartAsync(CancellationToken.None);
        var cut = Render<SystemPage>();

        cut.Find("[data-testid=outbox-pending]").TextContent.ShouldContain("3 pending alert-channel deliveries, 1 of them retrying");
        cut.Find("[data-testid=system-syncs]").TextContent.ShouldContain("Blazor gigs");
        cut.Find("[data-testid=system-syncs]").TextContent.ShouldContain("2 failure(s): HTTP 503");

        _health.Set("database", false);
        _time.Advance(DependencyMonitor.DefaultInterval);

        cut.WaitForAssertion(() => cut.Find("[data-testid=dependency-database]").TextContent.ShouldContain("down"));
        cut.Find("[data-testid=system-outbox]").TextContent.ShouldContain("The database is unreachable");
    }

    private sealed class StubOperations : IUpworkOperations
    {
        public UpworkOperationsSnapshot Snapshot { get; set; } = new(0, 0, null, 0, []);

        public Task<UpworkOperationsSnapshot> SnapshotAsync(int maxSearches, CancellationToken ct) => Task.FromResult(Snapshot);
    }

    private sealed class NoJobRuns : Shared.Jobs.IJobRunHistory
    {
        public Task<IReadOnlyDictionary<string, Shared.Jobs.JobRun>> AllAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<string, Shared.Jobs.JobRun>>(new Dictionary<string, Shared.Jobs.JobRun>());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        _monitor.Dispose();
        await base.DisposeAsync();
        await _quartz.DisposeAsync();
    }
}
