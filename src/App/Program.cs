using Modules.Ai;
using Modules.Analytics;
using Modules.Identity;
using Modules.Upwork;
using MudBlazor.Services;
using Scalar.AspNetCore;
using Shared;
using Shared.Data;
using UpworkAssistant.App;
using UpworkAssistant.App.Components;

if (args is ["healthcheck", ..]) return await HealthProbe.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
RootSettings.Add(builder.Configuration, builder.Environment);
if (args is ["upwork-doctor", ..])
{
    // The report is the command's output (stdout); logs go to stderr, HTTP chatter only when it goes wrong.
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
}
// Static web assets (MudBlazor's CSS/JS) come from package folders outside Development unless published.
builder.WebHost.UseStaticWebAssets();

builder.AddShared(AppModules.Assemblies);
builder.AddIdentityModule();
builder.AddUpworkModule();
builder.AddAiModule();
builder.AddAnalyticsModule();

// 128 KB messages: a whole Upwork job page pasted into a text field arrives in one message (the default is 32 KB).
builder.Services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = 128 * 1024);
builder.Services.AddMudServices();
builder.Services.AddOpenApi();

var app = builder.Build();

if (args is ["migrate", ..])
{
    // The one documented production command: apply migrations, then exit.
    await DatabaseMigrator.MigrateAsync(app.Services);
    Console.WriteLine("Database is up to date.");
    return 0;
}
if (args is ["rotate-keys", ..])
{
    // Re-seals every registered sealed column (API keys, MFA secrets, Upwork tokens, webhook secrets, alert channels).
    var report = await IdentityModule.RotateEncryptionKeysAsync(app.Services);
    foreach (var column in report.Columns)
        Console.WriteLine($"{column.Column}: {column.Resealed} re-sealed of {column.Total}; {column.RemainingOnOldVersions} left on old versions"
            + (column.OldVersionsLeft.Count > 0 ? $" ({string.Join(", ", column.OldVersionsLeft.Select(v => v == 0 ? "unreadable" : $"v{v}"))})" : ""));
    Console.WriteLine($"Re-sealed {report.Resealed} value(s) under key version {report.ActiveVersion}; {report.RemainingOnOldVersions} left on old versions.");
    return report.RemainingOnOldVersions == 0 ? 0 : 1;
}
if (args is ["upwork-doctor", .. var doctorArgs])
{
    // Checks our Upwork queries against the live schema with a connected account; the web server is not started.
    return await UpworkModule.RunDoctorAsync(app.Services, doctorArgs, Console.Out);
}
if (DatabaseMigrator.ShouldMigrateOnStartup(app.Services)) await DatabaseMigrator.MigrateAsync(app.Services);

app.UseShared();
app.UseIdentityModule();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapShared();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api/docs", o => o.WithTitle("Upwork AI Assistant API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.MapIdentityModule();
app.MapUpworkModule();
app.MapAiModule();
app.MapAnalyticsModule();
app.MapRazorComponents<App>()
   .AddInteractiveServerRenderMode()
   .AddAdditionalAssemblies([.. AppModules.Assemblies]);

await app.RunAsync();
return 0;
