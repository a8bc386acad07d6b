using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests;

/// <summary>
/// Test-only: answers <c>/api/v1/test/throw</c> by throwing, from behind the app's whole pipeline, so the 500
/// envelope comes from the production exception handling.
/// </summary>
internal static class FaultInjection
{
    public const string ThrowPath = "/api/v1/test/throw";
    public const string SecretInException = "connection string Password=hunter2 at Shared.Something";

    public static void AddThrowingEndpoint(IServiceCollection services) => services.AddSingleton<IStartupFilter, Filter>();

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext http, RequestDelegate nextMiddleware) =>
                http.Request.Path == ThrowPath ? throw new InvalidOperationException(SecretInException) : nextMiddleware(http));
        };
    }
}
