package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// ListCampaignsOptions searches and filters ListCampaigns. The zero value
// lists every campaign.
type ListCampaignsOptions struct {
	// SearchName lists the campaigns whose name matches this text.
	SearchName string
	// FilterTag lists the campaigns that carry this tag.
	FilterTag string
	// FilterTypeOneShot and FilterTypeAutomated filter on the campaign type.
	FilterTypeOneShot, FilterTypeAutomated bool
	// FilterStatusNotConfigured, FilterStatusReady, FilterStatusPaused,
	// FilterStatusSending and FilterStatusDone filter on the campaign
	// status.
	FilterStatusNotConfigured, FilterStatusReady, FilterStatusPaused bool
	FilterStatusSending, FilterStatusDone                            bool
}

// params builds the generated query parameters.
func (o *ListCampaignsOptions) params() *api.ListCampaignsParams {
	if o == nil {
		return nil
	}
	return &api.ListCampaignsParams{
		SearchName:                optString(o.SearchName),
		FilterTag:                 optString(o.FilterTag),
		FilterTypeOneShot:         flag(o.FilterTypeOneShot),
		FilterTypeAutomated:       flag(o.FilterTypeAutomated),
		FilterStatusNotConfigured: flag(o.FilterStatusNotConfigured),
		FilterStatusReady:         flag(o.FilterStatusReady),
		FilterStatusPaused:        flag(o.FilterStatusPaused),
		FilterStatusSending:       flag(o.FilterStatusSending),
		FilterStatusDone:          flag(o.FilterStatusDone),
	}
}

// ListCampaigns returns one page (1-based) of a website's campaigns,
// searched and filtered by opts (which may be nil).
//
//crisp:operation listCampaigns
func (s *WebsiteService) ListCampaigns(ctx context.Context, websiteID string, page int, opts *ListCampaignsOptions) ([]api.CampaignExcerpt, error) {
	const op = "listCampaigns"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListCampaigns(ctx, websiteID, page, opts.params())
	return decodeList[api.CampaignExcerpt](op, resp, err)
}

// ListCampaignsIter walks every page of ListCampaigns and yields the
// campaigns one by one; it stops at the first error, which it yields.
func (s *WebsiteService) ListCampaignsIter(ctx context.Context, websiteID string, opts *ListCampaignsOptions) iter.Seq2[api.CampaignExcerpt, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.CampaignExcerpt, error) {
		return s.ListCampaigns(ctx, websiteID, page, opts)
	})
}

// ListCampaignTemplatesOptions searches and filters ListCampaignTemplates.
// The zero value lists every template.
type ListCampaignTemplatesOptions struct {
	// SearchName lists the templates whose name matches this text.
	SearchName string
	// FilterTypeStatic lists the templates provided by Crisp.
	FilterTypeStatic bool
	// FilterTypeCustom lists the templates created on the website.
	FilterTypeCustom bool
}

// params builds the generated query parameters.
func (o *ListCampaignTemplatesOptions) params() *api.ListCampaignTemplatesParams {
	if o == nil {
		return nil
	}
	return &api.ListCampaignTemplatesParams{
		SearchName:       optString(o.SearchName),
		FilterTypeStatic: flag(o.FilterTypeStatic),
		FilterTypeCustom: flag(o.FilterTypeCustom),
	}
}

// ListCampaignTemplates returns one page (1-based) of a website's campaign
// email templates, searched and filtered by opts (which may be nil).
//
//crisp:operation listCampaignTemplates
func (s *WebsiteService) ListCampaignTemplates(ctx context.Context, websiteID string, page int, opts *ListCampaignTemplatesOptions) ([]api.CampaignTemplateExcerpt, error) {
	const op = "listCampaignTemplates"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListCampaignTemplates(ctx, websiteID, page, opts.params())
	return decodeList[api.CampaignTemplateExcerpt](op, resp, err)
}

// ListCampaignTemplatesIter walks every page of ListCampaignTemplates and
// yields the templates one by one; it stops at the first error, which it
// yields.
func (s *WebsiteService) ListCampaignTemplatesIter(ctx context.Context, websiteID string, opts *ListCampaignTemplatesOptions) iter.Seq2[api.CampaignTemplateExcerpt, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.CampaignTemplateExcerpt, error) {
		return s.ListCampaignTemplates(ctx, websiteID, page, opts)
	})
}
