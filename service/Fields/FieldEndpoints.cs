using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OutlookCrm.Service.Audit;
using OutlookCrm.Service.Auth;
using OutlookCrm.Service.Clients;
using OutlookCrm.Service.Infrastructure;
using OutlookCrm.Service.Problems;

namespace OutlookCrm.Service.Fields;

public static class FieldEndpoints
{
    public static void MapFields(this RouteGroupBuilder api)
    {
        var fields = api.MapGroup("/fields").WithTags("Custom fields");
        fields.MapGet("/", ListAsync).WithName("ListFields").WithSummary("Lists the workspace's custom field definitions.");
        fields.MapPost("/", CreateAsync).WithName("CreateField").ProducesProblems(409, 413, 415).WithSummary("Defines a custom field for the workspace.")
            .Audit("field.create", "field", routeKey: null);
        fields.MapDelete("/{fieldId:guid}", DeleteField.HandleAsync).WithName("DeleteField").ProducesProblems(404)
            .WithSummary("Deletes a custom field and every client's value of it (admins only).")
            .AddEndpointFilter<RequireAdmin>()
            .Audit("field.delete", "field", routeKey: "fieldId");
        api.MapPut("/clients/{id:guid}/fields/{fieldId:guid}", FieldValues.SetAsync).WithTags("Custom fields")
            .WithName("SetFieldValue").ProducesProblems(404, 409, 412, 413, 415).WithSummary("Sets (or clears with null) a client's value of a custom field.")
            .Audit("field.set", "client");
    }

    static async Task<FieldList> ListAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var fields = await db.FieldDefinitions.AsNoTracking().ToListAsync(cancellationToken);
        return new FieldList(fields.OrderBy(f => f.Label, StringComparer.CurrentCultureIgnoreCase).Select(f => f.ToDto()).ToList());
    }

    static async Task<Created<FieldDto>> CreateAsync(CreateFieldRequest request, AppDbContext db, WriteUnit unit, CurrentUser user, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (ClientRules.CheckName(request.Label, required: true) is { } labelError) errors["label"] = [labelError];
        if (!EnumValue.TryParse<FieldType>(request.Type, out var type))
            errors["type"] = ["Must be one of text, email, phone, date, number."];
        if (errors.Count > 0) throw ApiProblem.Validation(errors);

        var label = request.Label!.Trim();
        var key = ClientNames.Fold(label);
        var field = await unit.RunAsync([LockKey.FieldDefinitions], async ct =>
        {
            if (await db.FieldDefinitions.FirstOrDefaultAsync(f => f.LabelKey == key, ct) is { } existing)
                throw ApiProblem.FieldExists(existing.Id);
            var created = new FieldDefinition
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = user.WorkspaceId,
                Label = label,
                LabelKey = key,
                Type = type,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                CreatedBy = user.UserId,
            };
            db.FieldDefinitions.Add(created);
            audit.Target(created.Id);
            return created;
        }, cancellationToken);
        return TypedResults.Created($"/api/fields/{field.Id}", field.ToDto());
    }
}
