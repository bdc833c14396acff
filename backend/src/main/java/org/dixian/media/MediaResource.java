package org.dixian.media;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dixian.platform.security.CurrentScope;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Photo uploads (multipart, as WeChat's wx.uploadFile sends them, field "file") and their download. */
@Path("/api/media")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MediaResource {
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    private final MediaService service;
    private final CurrentScope scope;

    public MediaResource(MediaService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已保存的照片", content = @Content(schema = @Schema(implementation = Media.class)))
    public Uni<Media> upload(@RestForm("file") FileUpload file) {
        return service.upload(scope.get(), file == null ? null : file.uploadedFile(), file == null ? 0 : file.size());
    }

    @GET
    @Path("{mediaId}")
    @Produces({JPEG, PNG})
    @APIResponse(responseCode = "200", description = "照片", content = {
            @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Uni<Response> get(@PathParam("mediaId") long mediaId) {
        // A jakarta Response: Quarkus REST writes a RestResponse<byte[]> of a method producing two types with
        // the byte array's toString().
        return service.content(scope.get(), mediaId).map(f -> Response.ok(f.bytes(), f.contentType())
                // The bytes of an id never change; who may see them can, so only the caller's own cache keeps them.
                .header("Cache-Control", "private, max-age=86400")
                .header("ETag", "\"" + f.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build());
    }

    @GET
    @Path("{mediaId}/info")
    public Uni<Media> info(@PathParam("mediaId") long mediaId) {
        return service.info(scope.get(), mediaId);
    }
}
