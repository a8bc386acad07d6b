using Microsoft.AspNetCore.Routing;

namespace Shared.Api;

/// <summary>Endpoint conventions for <c>/api/v1</c>.</summary>
public static class ApiEndpointExtensions
{
    /// <summary>Validates the endpoint's <typeparamref name="T"/> argument with its registered FluentValidation validator.</summary>
    public static TBuilder Validate<T, TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ValidationFilter<T>>()
               .WithMetadata(new ProducesResponseTypeMetadata(
                   StatusCodes.Status400BadRequest, typeof(ApiResponse<object>), ["application/json"]));

    /// <summary>Validates the <typeparamref name="T"/> argument of a route handler.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) => builder.Validate<T, RouteHandlerBuilder>();

    /// <summary>Creates the versioned group <c>/api/v1/{prefix}</c> with the API's rate limit and OpenAPI tag.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup($"/api/v1/{prefix.Trim('/')}").WithTags(tag);
}
