using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeUpwork.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FakeUpwork.Control;

/// <summary>
/// Test and demo controls under <c>/__fake/</c> (no authentication): inject jobs, change proposal statuses, queue faults,
/// move the clock, read stats and state.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        var group = app.MapGroup("/__fake");

        group.MapPost("/jobs", async context =>
        {
            var body = await ReadObjectAsync(context);
            if (body is null)
            {
                return;
            }

            var created = new List<FakeJob>();
            if (body.TryGetPropertyValue("count", out var countNode) && countNode is not null)
            {
                var count = countNode.GetValue<int>();
                for (var i = 0; i < count; i++)
                {
                    created.Add(server.State.GenerateJob());
                }
            }
            else
            {
                try
                {
                    created.Add(server.State.GenerateJob(job => Populate(job, body)));
                }
                catch (Exception ex) when (ex is ArgumentException or JsonException or InvalidOperationException)
                {
                    await BadRequestAsync(context, ex.Message);
                    return;
                }
            }

            await OkAsync(context, new { jobs = created }, StatusCodes.Status201Created);
        });

        group.MapPost("/proposals", async context =>
        {
            var body = await ReadObjectAsync(context);
            if (body is null)
            {
                return;
            }

            try
            {
                var proposal = new FakeProposal();
                Populate(proposal, body);
                await OkAsync(context, server.State.AddProposal(proposal), StatusCodes.Status201Created);
            }
            catch (Exception ex) when (ex is ArgumentException or JsonException or InvalidOperationException)
            {
                await BadRequestAsync(context, ex.Message);
            }
        });

        group.MapPost("/proposals/{id}/status", async context =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            var body = await ReadObjectAsync(context);
            if (body is null)
            {
                return;
            }

            try
            {
                server.State.SetProposalStatus(id, body["status"]?.GetValue<string>() ?? "");
                await OkAsync(context, server.State.Proposals.First(p => p.Id == id));
            }
            catch (KeyNotFoundException ex)
            {
                await JsonOut.WriteAsync(context, StatusCodes.Status404NotFound, new JsonObject { ["error"] = ex.Message });
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                await BadRequestAsync(context, ex.Message);
            }
        });

        group.MapPost("/faults", async context =>
        {
            var body = await ReadObjectAsync(context);
            if (body is null)
            {
                return;
            }

            if (body["expiresInAsString"] is JsonValue flag)
            {
                server.Faults.ExpiresInAsString = flag.GetValue<bool>();
            }

            var kind = body["kind"]?.GetValue<string>();
            if (kind is not null)
            {
                var retryAfter = body["retryAfterSeconds"] is JsonValue r ? TimeSpan.FromSeconds(r.GetValue<double>()) : (TimeSpan?)null;
                var delay = body["delayMs"] is JsonValue d ? TimeSpan.FromMilliseconds(d.GetValue<double>()) : TimeSpan.FromSeconds(5);
                FakeFault? fault = kind.ToUpperInvariant() switch
                {
                    "HTTP500" => FakeFault.Http500(),
                    "RATELIMITED" => FakeFault.RateLimited(retryAfter),
                    "TRANSFORMTIMEOUT" => FakeFault.TransformTimeout(),
                    "PARTIALDATA" => FakeFault.PartialData(),
                    "SLOW" => FakeFault.Slow(delay),
                    "UNAUTHORIZED" => FakeFault.Unauthorized(),
                    _ => null,
                };
                if (fault is null)
                {
                    await BadRequestAsync(context, "kind must be one of http500, rateLimited, transformTimeout, partialData, slow, unauthorized");
                    return;
                }

                server.Faults.Enqueue(fault, body["times"] is JsonValue t ? t.GetValue<int>() : 1);
            }

            await OkAsync(context, new { pending = server.Faults.Pending, expiresInAsString = server.Faults.ExpiresInAsString });
        });

        group.MapDelete("/faults", async context =>
        {
            server.Faults.Clear();
            await OkAsync(context, new { pending = 0 });
        });

        group.MapPost("/clock/advance", async context =>
        {
            var body = await ReadObjectAsync(context);
            if (body is null)
            {
                return;
            }

            server.Clock.Advance(TimeSpan.FromSeconds(body["seconds"]?.GetValue<double>() ?? 0));
            await OkAsync(context, new { now = server.Clock.Now });
        });

        group.MapPost("/tokens/revoke", async context =>
        {
            var body = await ReadObjectAsync(context) ?? [];
            var revoked = server.State.RevokeTokens(body["userId"]?.GetValue<string>());
            await OkAsync(context, new { revoked });
        });

        group.MapPost("/schema/rename-field", async context =>
        {
            var body = await ReadObjectAsync(context);
            if (body is null)
            {
                return;
            }

            try
            {
                var type = body["type"]?.GetValue<string>() ?? "";
                var field = body["field"]?.GetValue<string>() ?? "";
                var to = body["to"]?.GetValue<string>() ?? "";
                server.Schema = GraphQl.SchemaFactory.Create(GraphQl.SchemaFactory.RenameField(GraphQl.SchemaFactory.Sdl, type, field, to));
                await OkAsync(context, new { renamed = $"{type}.{field}", to });
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
            {
                await BadRequestAsync(context, ex.Message);
            }
        });

        group.MapDelete("/schema", async context =>
        {
            server.Schema = GraphQl.SchemaFactory.Schema;
            await OkAsync(context, new { schema = "built-in" });
        });

        group.MapGet("/stats", context => OkAsync(context, new
        {
            graphQlRequests = server.Stats.GraphQlRequests,
            tokenRequests = server.Stats.TokenRequests,
            rateLimitedResponses = server.Stats.RateLimitedResponses,
            maxRequestsInAnySecond = server.Stats.MaxRequestsInAnySecond,
            maxRequestsInAnyMinute = server.Stats.MaxRequestsInAnyMinute,
            operations = server.Stats.OperationCounts(),
            requests = server.Stats.Requests,
        }));

        group.MapPost("/stats/reset", async context =>
        {
            server.Stats.Reset();
            await OkAsync(context, new { reset = true });
        });

        group.MapGet("/state", context => OkAsync(context, new
        {
            now = server.Clock.Now,
            approvingUserId = server.State.ApprovingUserId,
            clients = server.State.Clients,
            users = server.State.Users.Select(u => new { u.Id, u.Nid, u.Rid, u.Name, u.Email, u.Organizations }),
            jobs = server.State.Jobs.Select(j => new
            {
                j.Id, j.Title, j.JobType, j.Category, j.PublishedDateTime, j.Status, j.TotalApplicants, j.FixedAmount, j.HourlyMin, j.HourlyMax,
            }),
            proposals = server.State.Proposals,
            tokens = server.State.IssuedTokens,
            pendingFaults = server.Faults.Pending,
        }));
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            if (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
        }

        await BadRequestAsync(context, "The body must be a JSON object.");
        return null;
    }

    private static Task OkAsync(HttpContext context, object value, int status = StatusCodes.Status200OK) =>
        JsonOut.WriteRawAsync(context, status, JsonSerializer.Serialize(value, Json));

    private static Task BadRequestAsync(HttpContext context, string message) =>
        JsonOut.WriteAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = message });

    /// <summary>Copies JSON properties onto a plain object (case-insensitive names; nested objects are merged).</summary>
    private static void Populate(object target, JsonObject json)
    {
        var properties = target.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, node) in json)
        {
            if (!properties.TryGetValue(name, out var property))
            {
                throw new ArgumentException($"Unknown field '{name}' for {target.GetType().Name}.");
            }

            if (node is JsonObject nested && property.GetValue(target) is { } current && property.PropertyType != typeof(string))
            {
                Populate(current, nested);
                continue;
            }

            property.SetValue(target, node?.Deserialize(property.PropertyType, Json));
        }
    }
}
