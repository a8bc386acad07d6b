using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Shared.Api;

/// <summary>
/// An <see cref="IResult"/> that writes <see cref="ApiResponse{T}"/> with the request id and the current time,
/// and tells OpenAPI the response shape.
/// </summary>
public sealed class EnvelopeResult<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult
{
    internal EnvelopeResult(int statusCode, bool success, T? data, string message, IReadOnlyList<ApiFieldError>? errors)
    {
        StatusCode = statusCode;
        Success = success;
        Data = data;
        Message = message;
        Errors = errors;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>Whether the request succeeded.</summary>
    public bool Success { get; }

    /// <summary>The payload.</summary>
    public T? Data { get; }

    /// <summary>The human message.</summary>
    public string Message { get; }

    /// <summary>Field errors, for validation failures.</summary>
    public IReadOnlyList<ApiFieldError>? Errors { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    object? IValueHttpResult.Value => Data;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var envelope = ApiEnvelope.Create(httpContext, Success, Data, Message) with { Errors = Errors };
        httpContext.Response.StatusCode = StatusCode;
        return httpContext.Response.WriteAsJsonAsync(envelope, ApiEnvelope.SerializerOptions(httpContext));
    }

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ApiResponse<T>), ["application/json"]));
}
