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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Photo and PDF uploads (multipart, as WeChat's wx.uploadFile sends them, field "file", optionally "fileName" — the
 * mini-program's temporary path does not carry the name the user sees) and their download.
 */
@Path("/api/media")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MediaResource {
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String PDF = "application/pdf";

    private final MediaService service;
    private final CurrentScope scope;

    public MediaResource(MediaService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已保存的照片或文件", content = @Content(schema = @Schema(implementation = Media.class)))
    public Uni<Media> upload(@RestForm("file") FileUpload file, @RestForm("fileName") String fileName) {
        String name = fileName != null && !fileName.isBlank() ? fileName : file == null ? null : file.fileName();
        return service.upload(scope.get(), file == null ? null : file.uploadedFile(), file == null ? 0 : file.size(), name);
    }

    @GET
    @Path("{mediaId}")
    @Produces({JPEG, PNG, PDF})
    @APIResponse(responseCode = "200", description = "照片或 PDF 文件", content = {
            @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Uni<Response> get(@PathParam("mediaId") long mediaId) {
        // A jakarta Response: Quarkus REST writes a RestResponse<byte[]> of a method producing two types with
        // the byte array's toString().
        return service.content(scope.get(), mediaId).map(f -> {
            Response.ResponseBuilder ok = Response.ok(f.bytes(), f.contentType())
                    // The bytes of an id never change; who may see them can, so only the caller's own cache keeps them.
                    .header("Cache-Control", "private, max-age=86400")
                    .header("ETag", "\"" + f.sha256() + "\"")
                    .header("X-Content-Type-Options", "nosniff");
            if (PDF.equals(f.contentType())) {
                ok.header("Content-Disposition", disposition(f.fileName()));
            }
            return ok.build();
        });
    }

    @GET
    @Path("{mediaId}/info")
    public Uni<Media> info(@PathParam("mediaId") long mediaId) {
        return service.info(scope.get(), mediaId);
    }

    /** Shown in place under its own name (RFC 6266: an ASCII fallback and the UTF-8 name). */
    static String disposition(String fileName) {
        String name = fileName == null ? "attachment.pdf" : fileName;
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
