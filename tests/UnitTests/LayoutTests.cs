using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Shared.Api;
using Shared.Ui;
using UpworkAssistant.App.Components.Layout;

namespace UnitTests;

public sealed class LayoutTests : BunitContext, IAsyncLifetime
{
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _auth;
    private readonly QueuedAlerts _feed = new();
    private readonly ConnectionState _connection = new();

    public LayoutTests()
    {
        Services.AddMudServices();
        Services.AddScoped<ThemePreference>();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<Shared.Ui.BrowserTimeZone>();
        Services.AddScoped<Shared.Ui.RelativeTimeTicker>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new Shared.Health.DependencyMonitor(new Health.ScriptedHealth(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Shared.Health.DependencyMonitor>.Instance));
        Services.AddSingleton<Modules.Upwork.Features.ManageAlerts.IAlertFeed>(_feed);
        Services.AddSingleton<Modules.Upwork.Features.ConnectUpwork.IUpworkConnectionState>(_connection);
        Services.AddSingleton<Modules.Upwork.Integrations.UpworkApi.IUpworkPauseState>(_pause);
        JSInterop.Mode = JSRuntimeMode.Loose;
        _auth = AddAuthorization();
        _auth.SetAuthorized("freelancer@example.com");
        _auth.SetPolicies(Contracts.Identity.Permissions.Read, Contracts.Identity.Permissions.Draft);   // a bidder
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void The_drawer_lists_every_section_in_order()
    {
        var cut = RenderLayout();

        var links = cut.FindAll("a.mud-nav-link");
        links.Select(a => a.TextContent.Trim()).ShouldBe(["Dashboard", "Jobs", "Proposals", "Review", "Upwork", "Compliance", "AI", "Analytics", "Profiles", "Settings"]);
        links.Select(a => a.GetAttribute("href")).ShouldBe(["/", "/upwork/jobs", "/upwork/proposals", "/review", "/upwork/connection", "/compliance", "/ai", "/analytics", "/profiles", "/settings"]);
    }

    [Fact]
    public void An_admin_also_sees_the_members_business_and_system_pages()
    {
        _auth.SetRoles("Admin");
        _auth.SetPolicies(Contracts.Identity.Permissions.All.ToArray());

        var cut = RenderLayout();

        cut.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()).TakeLast(3).ShouldBe(["Members", "Business", "System"]);
    }

    [Fact]
    public void A_viewer_is_offered_only_the_pages_they_may_open()
    {
        _auth.SetRoles("Viewer");
        _auth.SetPolicies(Contracts.Identity.Permissions.Read, Contracts.Identity.Permissions.TeamRead);

        var cut = RenderLayout();

        cut.FindAll("a.mud-nav-link").Select(a => a.TextContent.Trim()).ShouldBe(["Dashboard", "Jobs", "Compliance", "Analytics", "Settings"]);
    }

    [Fact]
    public void The_theme_toggle_switches_to_dark_and_back_and_saves_the_choice()
    {
        var cut = RenderLayout();
        var theme = Services.GetRequiredService<ThemePreference>();
        theme.IsDark.ShouldBeFalse();

        cut.Find("[data-testid=theme-toggle]").Click();

        theme.Mode.ShouldBe(ThemeMode.Dark);
        cut.Find("[data-testid=theme-toggle]").GetAttribute("aria-label").ShouldBe("Switch to light theme");
        cut.Find(".mud-layout").GetAttribute("data-theme").ShouldBe("dark");
        JSInterop.Invocations.ShouldContain(i => i.Identifier == "uaTheme.save" && (string)i.Arguments[0]! == "dark");

        cut.Find("[data-testid=theme-toggle]").Click();

        theme.Mode.ShouldBe(ThemeMode.Light);
        cut.Find(".mud-layout").GetAttribute("data-theme").ShouldBe("light");
    }

    [Fact]
    public async Task Following_the_system_turns_dark_when_the_os_does()
    {
        var cut = RenderLayout();
        var theme = Services.GetRequiredService<ThemePreference>();

        await cut.InvokeAsync(() => theme.SetSystemPrefersDarkAsync(true));

        cut.Find(".mud-layout").GetAttribute("data-theme").ShouldBe("dark");
    }

    [Fact]
    public void The_menu_button_opens_and_closes_the_drawer()
    {
        // The responsive drawer starts closed on small screens (bUnit reports the smallest breakpoint).
        var cut = RenderLayout();
        var before = cut.Find("[data-testid=drawer-toggle]").GetAttribute("aria-expanded");

        cut.Find("[data-testid=drawer-toggle]").Click();
        var after = cut.Find("[data-testid=drawer-toggle]").GetAttribute("aria-expanded");
        cut.Find("[data-testid=drawer-toggle]").Click();

        after.ShouldNotBe(before);
        cut.Find("[data-testid=drawer-toggle]").GetAttribute("aria-expanded").ShouldBe(before);
        cut.Find("aside.mud-drawer").ClassList.Contains("mud-drawer--open").ShouldBe(before == "true");
    }

    [Fact]
    public void A_page_that_throws_shows_the_friendly_error_instead_of_breaking_the_app()
    {
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, b =>
        {
            b.OpenComponent<Thrower>(0);
            b.CloseComponent();
        }));

        cut.Find("[data-testid=error-boundary]").TextContent.ShouldContain("Something went wrong on this page");
        cut.Find("[data-testid=signed-in-as]").TextContent.ShouldContain("freelancer@example.com");
        cut.FindAll("a.mud-nav-link").Count.ShouldBe(10);   // the chrome survives: every section of The_drawer_lists_every_section_in_order
    }

    [Fact]
    public void The_app_bar_bell_counts_unread_alerts_and_takes_new_ones_live()
    {
        var id = Guid.NewGuid();
        _auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id.ToString()));
        _feed.Items.Add(new(Guid.NewGuid(), "new_job", Guid.NewGuid(), null, "Python ETL pipeline", "Matches Python", DateTimeOffset.UtcNow, null));
        _feed.Items.Add(new(Guid.NewGuid(), "new_job", Guid.NewGuid(), null, "Old one", "Matches Python", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow));

        var cut = RenderLayout();

        cut.Find("[data-testid=alerts-bell] button").GetAttribute("aria-label").ShouldBe("Alerts, 1 unread");
        _feed.Items.Insert(0, new(Guid.NewGuid(), "new_job", Guid.NewGuid(), null, "React dashboard", "Matches React", DateTimeOffset.UtcNow, null));
        cut.InvokeAsync(() => _feed.Push(new(Guid.NewGuid(), "new_job", Guid.NewGuid(), "React dashboard", "Matches React", "fixed", 500, 500, false, DateTimeOffset.UtcNow)));
        cut.WaitForAssertion(() => cut.Find("[data-testid=alerts-bell] button").GetAttribute("aria-label").ShouldBe("Alerts, 2 unread"));
        _feed.SubscribedUser.ShouldBe(id);
    }

    [Fact]
    public async Task The_sound_toggle_is_saved_and_a_new_job_beeps_only_while_it_is_on()
    {
        var id = Guid.NewGuid();
        _auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id.ToString()));
        var sound = JSInterop.SetupModule(Modules.Upwork.Components.AlertsBell.SoundModule);
        sound.Mode = JSRuntimeMode.Loose;
        var cut = RenderLayout();
        cut.WaitForAssertion(() => sound.Invocations.Select(i => i.Identifier).ShouldContain("arm"));
        Modules.Upwork.Alerts.AlertMessage Alert(string title) =>
            new(Guid.NewGuid(), "new_job", Guid.NewGuid(), title, "Matches X", "fixed", 500, 500, false, DateTimeOffset.UtcNow);
        int Beeps() => sound.Invocations.Count(i => i.Identifier == "beep");

        cut.Find("[data-testid=alerts-sound]").GetAttribute("aria-pressed").ShouldBe("false");
        await cut.InvokeAsync(() => _feed.Push(Alert("Quiet one")));
        Beeps().ShouldBe(0);

        cut.Find("[data-testid=alerts-sound]").Click();

        _feed.Sound[id].ShouldBeTrue();   // saved for the user
        cut.Find("[data-testid=alerts-sound]").GetAttribute("aria-pressed").ShouldBe("true");
        cut.Find("[data-testid=alerts-sound]").GetAttribute("aria-label").ShouldBe("Sound for new job alerts");
        await cut.InvokeAsync(() => _feed.Push(Alert("Loud one")));
        Beeps().ShouldBe(1);

        cut.Find("[data-testid=alerts-sound]").Click();
        _feed.Sound[id].ShouldBeFalse();
        await cut.InvokeAsync(() => _feed.Push(Alert("Quiet again")));
        Beeps().ShouldBe(1);
    }

    [Fact]
    public void A_saved_sound_preference_is_on_when_the_page_opens()
    {
        var id = Guid.NewGuid();
        _auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id.ToString()));
        _feed.Sound[id] = true;

        var cut = RenderLayout();

        cut.Find("[data-testid=alerts-sound]").GetAttribute("aria-pressed").ShouldBe("true");
    }

    [Fact]
    public void The_app_bar_says_when_upwork_needs_reconnecting_and_its_button_starts_the_oauth_flow()
    {
        var id = Guid.NewGuid();
        _auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id.ToString()));
        _connection.Reconnect.Add(id);

        var cut = RenderLayout();

        var button = cut.Find("[data-testid=appbar-upwork-reconnect]");
        button.TextContent.Trim().ShouldBe("Reconnect Upwork");
        button.GetAttribute("aria-label").ShouldBe("Upwork needs reconnecting: reconnect Upwork");
        button.Click();
        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/upwork/connect");
    }

    [Fact]
    public void The_app_bar_shows_no_reconnect_button_while_upwork_works_and_shows_it_the_moment_a_refresh_is_refused()
    {
        var id = Guid.NewGuid();
        _auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id.ToString()));

        var cut = RenderLayout();
        cut.FindAll("[data-testid=appbar-upwork-reconnect]").ShouldBeEmpty();

        _connection.Reconnect.Add(id);
        cut.InvokeAsync(() => _connection.Changed(id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=appbar-upwork-reconnect]").TextContent.Trim().ShouldBe("Reconnect Upwork"));
    }

    private readonly PauseSwitch _pause = new();

    [Fact]
    public void The_app_bar_shows_upwork_paused_while_a_pause_switch_is_on_and_hides_it_when_turned_off()
    {
        _auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()));
        var cut = RenderLayout();
        cut.FindAll("[data-testid=appbar-upwork-paused]").ShouldBeEmpty();

        cut.InvokeAsync(() => _pause.Set(new Modules.Upwork.Integrations.UpworkApi.PauseState(null, DateTimeOffset.UtcNow)));

        cut.WaitForAssertion(() => cut.Find("[data-testid=appbar-upwork-paused]").GetAttribute("href").ShouldBe("/compliance"));
        cut.InvokeAsync(() => _pause.Set(new Modules.Upwork.Integrations.UpworkApi.PauseState(null, null)));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=appbar-upwork-paused]").ShouldBeEmpty());
    }

    private sealed class PauseSwitch : Modules.Upwork.Integrations.UpworkApi.IUpworkPauseState
    {
        private Modules.Upwork.Integrations.UpworkApi.PauseState _state = new(null, null);
        private Func<Task>? _onChange;

        public void Set(Modules.Upwork.Integrations.UpworkApi.PauseState state)
        {
            _state = state;
            _onChange?.Invoke();
        }

        public Task<Modules.Upwork.Integrations.UpworkApi.PauseState> StateAsync(Guid? userId, CancellationToken ct) => Task.FromResult(_state);

        public IDisposable Subscribe(Func<Task> onChange)
        {
            _onChange = onChange;
            return new NoOp();
        }

        private sealed class NoOp : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }

    private sealed class ConnectionState : Modules.Upwork.Features.ConnectUpwork.IUpworkConnectionState
    {
        private readonly Dictionary<Guid, Func<Task>> _handlers = [];
        public HashSet<Guid> Reconnect { get; } = [];

        public Task<bool> NeedsReconnectAsync(Guid userId, CancellationToken ct) => Task.FromResult(Reconnect.Contains(userId));

        public IDisposable Subscribe(Guid userId, Func<Task> onChange)
        {
            _handlers[userId] = onChange;
            return new CancellationTokenSource();
        }

        public Task Changed(Guid userId) => _handlers.TryGetValue(userId, out var handler) ? handler() : Task.CompletedTask;
    }

    private sealed class QueuedAlerts : Modules.Upwork.Features.ManageAlerts.IAlertFeed
    {
        private Func<Modules.Upwork.Alerts.AlertMessage, Task>? _handler;
        public List<Modules.Upwork.Features.ManageAlerts.AlertDto> Items { get; } = [];
        public Guid? SubscribedUser { get; private set; }

        public Task<Modules.Upwork.Features.ManageAlerts.AlertList> LatestAsync(Guid userId, int count, CancellationToken ct) =>
            Task.FromResult(new Modules.Upwork.Features.ManageAlerts.AlertList(Items.Take(count).ToList(), Items.Count(i => i.ReadAt is null)));
        public Task MarkReadAsync(Guid userId, Guid alertId, CancellationToken ct) => Task.CompletedTask;
        public Task MarkAllReadAsync(Guid userId, CancellationToken ct) => Task.CompletedTask;
        public Dictionary<Guid, bool> Sound { get; } = [];
        public Task<Modules.Upwork.Features.ManageAlerts.AlertPreferencesDto> PreferencesAsync(Guid userId, CancellationToken ct) =>
            Task.FromResult(new Modules.Upwork.Features.ManageAlerts.AlertPreferencesDto(Sound.GetValueOrDefault(userId)));
        public Task SetPreferencesAsync(Guid userId, Modules.Upwork.Features.ManageAlerts.AlertPreferencesDto preferences, CancellationToken ct)
        {
            Sound[userId] = preferences.PlaySound;
            return Task.CompletedTask;
        }
        public IDisposable Subscribe(Guid userId, Func<Modules.Upwork.Alerts.AlertMessage, Task> onAlert)
        {
            SubscribedUser = userId;
            _handler = onAlert;
            return new CancellationTokenSource();
        }
        public Task Push(Modules.Upwork.Alerts.AlertMessage alert) => _handler?.Invoke(alert) ?? Task.CompletedTask;
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private sealed class Thrower : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("boom");
    }
}
