using Microsoft.AspNetCore.Antiforgery;

namespace Modules.Identity.Auth;

/// <summary>
/// Cross-site request forgery on the REST API: a browser sends the sign-in cookie with any request to this site, a
/// form on another site included. So a state-changing <c>/api</c> call (POST, PUT, PATCH, DELETE) that carries the
/// cookie and no bearer token must also carry a header no cross-site form can set: <c>X-Requested-With</c> (a
/// cross-origin script cannot add it without a CORS preflight, which this app never grants) or an antiforgery token
/// (<c>RequestVerificationToken</c>). Otherwise 403 in the API envelope, before the endpoint runs. Bearer calls
/// (scripts, the API's real clients) and requests without the cookie are not affected. SameSite=Lax already keeps
/// the cookie off most cross-site POSTs; this also covers sibling subdomains (same site) and older browsers.
/// </summary>
internal static class CookieApiCsrfGuard
{
    public const string HeaderName = "X-Requested-With";

    public const string Message = "A state-changing API call made with the browser's sign-in cookie needs an X-Requested-With header " +
        "(or an antiforgery token); scripts should send a Bearer token instead";

    public static async Task MiddlewareAsync(HttpContext http, RequestDelegate next)
    {
        if (NeedsProof(http) && !await HasProofAsync(http))
        {
            await ApiEnvelope.WriteErrorAsync(http, StatusCodes.Status403Forbidden, Message);
            return;
        }
        await next(http);
    }

    private static bool NeedsProof(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method))
        && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && http.Request.Cookies.ContainsKey(AuthenticationSetup.CookieName);

    private static async Task<bool> HasProofAsync(HttpContext http)
    {
        if (!string.IsNullOrWhiteSpace(http.Request.Headers[HeaderName])) return true;
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(http);
    }
}
