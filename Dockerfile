# syntax=docker/dockerfile:1
# OutlookCrm: the ASP.NET Core service with the built task pane in wwwroot/.
#   docker build -t outlookcrm .
#   docker run -p 8080:8080 --env-file outlookcrm.env outlookcrm
# Put TLS in front of it (Outlook loads add-ins only over HTTPS); see docs/deploy.md.
# Optional: the EF Core migrations bundle for SQL Server, as an image that applies them and exits:
#   docker build --target migrate -t outlookcrm-migrate .
#   docker run --rm outlookcrm-migrate --connection "<SQL Server connection string>"

# 1. The task pane (Vite) → /src/addin/dist
FROM node:22-bookworm-slim AS pane
WORKDIR /src/addin
COPY addin/package.json addin/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY addin/ ./
# The pane's build checks its generated API types (src/api/generated) against the service's contract.
COPY docs/openapi.json /src/docs/openapi.json
RUN npm run build

# 2. The service → /app
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props dotnet-tools.json ./
COPY service/OutlookCrm.Service.csproj service/
RUN dotnet restore service/OutlookCrm.Service.csproj
COPY service/ service/
RUN dotnet publish service/OutlookCrm.Service.csproj -c Release -o /app --no-restore

# 3. (optional target) the SQL Server migrations bundle
FROM build AS efbundle
RUN dotnet tool restore \
 && dotnet ef migrations bundle --project service/OutlookCrm.Service.csproj --context SqlServerAppDbContext --configuration Release --output /efbundle/efbundle

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS migrate
WORKDIR /efbundle
COPY --from=efbundle /efbundle/ ./
USER $APP_UID
ENTRYPOINT ["./efbundle"]

# 4. Runtime (the default target): non-root, HTTP on 8080 behind the TLS-terminating proxy or platform.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --from=pane /src/addin/dist ./wwwroot
# A writable folder for the non-root user: the SQLite file (only if Database:Provider=Sqlite). The Data
# Protection key ring lives in the database, shared by every instance (docs/deploy.md, Several instances).
RUN mkdir -p /app/data \
 && chown -R $APP_UID /app/data
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    HOME=/home/app
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "OutlookCrm.Service.dll"]
